// @ts-check

import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import pagefind from 'astro-pagefind';
import { tableScroll } from './src/lib/table-scroll-plugin.mjs';

/**
 * monacoCssInline folds Monaco's CSS into its lazy chunk. Astro links every CSS file reachable
 * through a client-side dynamic import() in the page head (withastro/astro#9495), which would make
 * every lesson page load Monaco's 171 KiB of CSS before anyone opens the editor. This rewrites
 * monaco's `import './x.css'` into `import c from './x.css?inline'` plus a <style> injection.
 * @returns {import('vite').Plugin}
 */
function monacoCssInline() {
  const cssImport = /^import '([^']+\.css)';$/gm;
  return {
    name: 'dnl-monaco-css-inline',
    enforce: 'pre',
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!id.includes('/node_modules/monaco-editor/') || !id.endsWith('.js') || !code.includes(".css';"))
        return;
      let n = 0;
      const out = code.replace(cssImport, (/** @type {string} */ _line, /** @type {string} */ path) => {
        const name = `__dnlMonacoCss${n++}`;
        return `import ${name} from '${path}?inline'; __dnlInjectCss(${name});`;
      });
      if (n === 0) return;
      const helper =
        'function __dnlInjectCss(text) { const s = document.createElement("style"); ' +
        's.dataset.monaco = ""; s.textContent = text; document.head.appendChild(s); }\n';
      return { code: helper + out, map: null };
    },
  };
}

// SITE_URL (e.g. https://example.org) makes canonical and Open Graph URLs absolute when set.
export default defineConfig({
  site: process.env.SITE_URL || undefined,
  trailingSlash: 'ignore',
  integrations: [mdx(), pagefind()],
  markdown: {
    // Sätteri is Astro 7's default processor; ours adds the lesson table wrapper.
    processor: satteri({ hastPlugins: [tableScroll] }),
    // Both themes are emitted as CSS variables; src/styles/base.css picks one per colour scheme.
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false },
  },
  vite: {
    plugins: [monacoCssInline()],
    // Monaco and xterm are large by nature; they load lazily or once per lesson page.
    build: {
      chunkSizeWarningLimit: 4500,
      rolldownOptions: {
        // Every MDX entry triggers this harmless notice about Astro's own head-inject directive.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject'))
            return;
          warn(warning);
        },
      },
    },
  },
});
