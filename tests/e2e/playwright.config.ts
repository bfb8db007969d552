/**
 * End-to-end specs: the real reader driven in a real Chromium. Project "browser-mode"
 * runs `syndic serve` and Debian's (or Playwright's) Chromium; project "electron" runs the
 * same specs in the desktop app where Electron's binary is installed.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const chromium = process.env.SYNDIC_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const launchOptions = {
  executablePath: chromium,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

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
    { name: 'electron', use: { browserName: 'chromium', launchOptions, mode: 'electron' } as never },
  ],
});
