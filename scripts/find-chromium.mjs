// Finds the browser for the e2e tests: Playwright's own Chromium when installed, else
// $CHROMIUM_PATH, else Debian's /usr/bin/chromium. Used by playwright.config.ts and by .ci/run
// (`node scripts/find-chromium.mjs` prints the browser, or one line saying how to get one, exit 1).
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
export const NO_CHROMIUM =
  'No Chromium found: install one with `apt-get install chromium` or `npx playwright install chromium`, or set CHROMIUM_PATH';

/** playwrightChromium returns the path of Playwright's own Chromium when it is installed. */
function playwrightChromium() {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * findChromium returns { executablePath } to launch: undefined for Playwright's own Chromium
 * (Playwright finds it itself), else a system browser. It returns undefined when there is none.
 * @returns {{ executablePath: string | undefined, description: string } | undefined}
 */
export function findChromium() {
  const own = playwrightChromium();
  if (own) return { executablePath: undefined, description: `Playwright's Chromium (${own})` };
  const candidates = [process.env.CHROMIUM_PATH, DEBIAN_CHROMIUM].filter((path) => !!path);
  const found = candidates.find((path) => existsSync(path));
  return found ? { executablePath: found, description: found } : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const browser = findChromium();
  if (!browser) {
    console.error(NO_CHROMIUM);
    process.exit(1);
  }
  console.log(browser.description);
}
