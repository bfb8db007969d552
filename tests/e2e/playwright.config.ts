/**
 * End-to-end specs: the real reader driven in a real Chromium. Project "browser-mode"
 * runs `syndic serve` and Debian's (or Playwright's) Chromium; project "electron" runs the
 * same specs in the desktop app where Electron's binary is installed.
 */
import { defineConfig } from '@playwright/test';
import { electronBinaryPath } from '../../electron/launcher/electron-binary.js';
import { chromiumLaunchOptions } from '../support/chromium.js';

const hasElectron = electronBinaryPath() !== null;
if (!hasElectron && process.env.TEST_WORKER_INDEX === undefined) {
  console.log(
    'e2e: the Electron project is skipped: Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); the specs run in browser mode.',
  );
}

const launchOptions = chromiumLaunchOptions;

export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  forbidOnly: true,
  reporter: [['list']],
  use: { viewport: { width: 1280, height: 800 }, screenshot: 'only-on-failure', trace: 'retain-on-failure' },
  projects: [
    { name: 'browser-mode', use: { browserName: 'chromium', launchOptions } },
    ...(hasElectron
      ? [{ name: 'electron', use: { browserName: 'chromium', launchOptions, mode: 'electron' } as never }]
      : []),
  ],
});
