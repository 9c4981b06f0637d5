import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DEFAULT_DASHBOARD_DIR } from '../../src/api/routes/dashboard.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { BACKENDS } from '../support/test-stores.js';

export const CHROMIUM = process.env['SENTINEL_TEST_CHROMIUM'] ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null. Under CI a missing chromium fails instead. */
export function browserUnavailable(): string | null {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM)) missing.push(`no chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  if (!existsSync(join(DEFAULT_DASHBOARD_DIR, 'index.html')))
    missing.push('dashboard not built (npm run build)');
  if (missing.length === 0) return null;
  if (process.env['CI'] === 'true') throw new Error(`browser tests need: ${missing.join('; ')}`);
  return missing.join('; ');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface LiveSentinel {
  readonly t: TestApp;
  readonly origin: string;
  close(): Promise<void>;
}

/** A real Sentinel (SQLite) listening on a free port, serving the built dashboard. */
export async function startSentinel(): Promise<LiveSentinel> {
  const t = await createTestApp(BACKENDS[0]!);
  const address = await t.http.listen({ port: 0, host: '127.0.0.1' });
  return { t, origin: address, close: () => t.close() };
}

/** Watches a page for anything an XSS payload would do: dialogs and a global flag. */
export function watchForXss(page: Page): { dialogs: string[] } {
  const seen = { dialogs: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return seen;
}

/** Signs in through the form, as a user would. */
export async function signIn(page: Page, origin: string, key: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** Posts events to a server's webhook with its API key; returns the response body. */
export async function sendEvents(origin: string, serverId: string, apiKey: string, events: unknown[]) {
  const response = await fetch(`${origin}/api/mcp/webhook/${serverId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify(events),
  });
  if (response.status !== 202)
    throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
  return response.json() as Promise<{ accepted: number }>;
}
