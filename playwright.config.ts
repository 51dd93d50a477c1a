import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './electron/station/chromium';

/**
 * End-to-end tests drive the real renderer build, served by the real station host (each
 * spec starts its own on a free port with a fresh temporary database), in Chromium.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    locale: 'fa-IR',
    timezoneId: 'Asia/Tehran',
    viewport: { width: 1366, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
});
