// The components barrel: the one module MDX lessons import, e.g.
// `import { Lab, Try } from '../../src/components/index.ts';`.
export { default as Lab } from './lab/Lab.astro';
export { default as Try } from './lab/Try.astro';
