import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Flags for a headless Chromium on a machine without a network beyond the loopback, running as root. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Debian's Chromium, used when it is installed. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium the browser tests drive: `FOKUS_CHROMIUM` when set (a path, or `npm` for the packaged
 * one), else Debian's `/usr/bin/chromium` when present, else the headless Chromium that the npm
 * package @sparticuz/chromium ships inside its tarball (a dev dependency). That one is unpacked from
 * the package's own brotli file into the temporary folder on first use: nothing is downloaded.
 */
export async function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): Promise<{ path: string; source: 'env' | 'system' | 'npm' }> {
  const wanted = env.FOKUS_CHROMIUM;
  if (wanted && wanted !== 'npm') {
    if (!existsSync(wanted)) throw new Error(`FOKUS_CHROMIUM=${wanted}: no such file`);
    return { path: wanted, source: 'env' };
  }
  if (!wanted && existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system' };
  const { default: packaged } = await import('@sparticuz/chromium');
  // No argument: the package's own bin/ folder (a URL argument would download; never give one).
  return { path: await packaged.executablePath(), source: 'npm' };
}

/** A page (1280 × 900 unless told) in a fresh context whose every request is recorded; only `allow` is let through. */
export async function openRecorded(
  browser: Browser,
  allow: string,
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page; requests: string[]; routed: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport });
  // No Playwright deadlines (30 s by default): the test's own timeout is the only one, as for every test.
  context.setDefaultTimeout(0);
  const requests: string[] = [];
  const routed: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    routed.push(url);
    if (url === allow) await route.continue();
    else await route.abort();
  });
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, requests, routed, errors };
}
