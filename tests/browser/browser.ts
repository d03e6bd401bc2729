import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import type { EmulatorApp } from '../../plugin/app';
import { standardApp } from '../helpers';

/** The machine's Chromium (Debian's package; .ci/run installs it). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

export function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** An emulator with the standard users, listening on a port of its own, its SITE_URL that port. */
export async function servedEmulator(): Promise<{ emulator: EmulatorApp; server: http.Server; base: string }> {
  const server = http.createServer();
  const port = await listen(server);
  const base = `http://127.0.0.1:${port}`;
  const emulator = await standardApp({ settings: { SITE_URL: base } });
  server.on('request', emulator.app);
  return { emulator, server, base };
}

/** When ADMIN_SCREENSHOTS names a folder, screenshots of each screen go there (docs/img). */
export const SCREENSHOTS = process.env.ADMIN_SCREENSHOTS;
