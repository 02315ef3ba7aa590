import { defineConfig, devices } from '@playwright/test';
import { findChromium, NO_CHROMIUM } from './scripts/find-chromium.mjs';

const browser = findChromium();
if (!browser) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}
const { executablePath } = browser;
// E2E_PORT and E2E_DIST let several builds be tested side by side (default: dist/ on 4321).
const port = Number(process.env.E2E_PORT ?? 4321);
const outDir = process.env.E2E_DIST ?? 'dist';

// Keep the browser off the network: the tests only talk to the local preview server.
const quietArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_PORT ? `test-results-${port}` : 'test-results',
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  // Service workers stay off (page.route sees every request); e2e/offline.spec.ts turns them on.
  use: { baseURL: `http://127.0.0.1:${port}`, serviceWorkers: 'block' },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath, args: quietArgs } },
    },
  ],
  webServer: {
    // --ignore-lock: Astro 7 allows one tracked preview per project; builds tested side by side need more.
    command: `npx astro preview --ignore-lock --host 127.0.0.1 --port ${port} --outDir ${outDir}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
