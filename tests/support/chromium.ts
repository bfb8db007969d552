/**
 * How the specs, the screenshots and the UI bench start Chromium: Debian's (or the one
 * SYNDIC_CHROMIUM names), with the flags a closed network and a root user need (without
 * the background-networking ones, Chromium keeps dialling hosts this machine cannot reach).
 */
import { existsSync } from 'node:fs';

export const chromiumLaunchOptions = {
  executablePath: process.env.SYNDIC_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
