import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** What every headless Chromium of Didar runs with: no sandbox (containers), no GPU, nothing fetched from the network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The Chromium to drive: $CHROMIUM_PATH if set, Playwright's own browser where one is
 * installed (undefined: Playwright finds it), else Debian's (/usr/bin/chromium, installed by .ci/run).
 */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return undefined;
  } catch {
    // no bundled browser
  }
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) if (existsSync(p)) return p;
  throw new Error('No Chromium found: install Debian chromium (apt-get install -y chromium) or set CHROMIUM_PATH.');
}
