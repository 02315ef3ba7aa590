// The components barrel: the one module MDX lessons import, e.g.
// `import { Lab, Try } from '../../src/components/index.ts';`.
export { default as Edit } from './lab/Edit.astro';
export { default as Lab } from './lab/Lab.astro';
export { default as Try } from './lab/Try.astro';
export { default as Aside } from './lesson/Aside.astro';
export { default as Figure } from './lesson/Figure.astro';
export { default as Quiz } from './lesson/Quiz.astro';
