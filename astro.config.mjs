// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import pagefind from 'astro-pagefind';

// SITE_URL (e.g. https://example.org) makes canonical and Open Graph URLs absolute when set.
export default defineConfig({
  site: process.env.SITE_URL || undefined,
  trailingSlash: 'ignore',
  integrations: [mdx(), pagefind()],
  markdown: {
    // Both themes are emitted as CSS variables; src/styles/base.css picks one per colour scheme.
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false },
  },
  vite: {
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
