// Page helpers shared by the browser journeys (selectors of apps/web).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const MASKED_ID = /^\d{4}\*{8}[\dX]{4}$/;
export const MASKED_PHONE = /^1\d{2}\*{4}\d{4}$/;
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Every request stays on our origin (CSP default-src 'self'; no CDN, no web fonts), and no console errors. */
export function watch(page: Page, origin: string) {
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  page.on('console', (message) => {
    // the browser logs every 4xx answer (401 before login, the 404s we test for): those are expected
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { foreign, errors };
}

/** Runs `action` and waits for the API answer it triggers, then for every spinner to go. */
export async function answerAfter(page: Page, action: () => Promise<unknown>, path: string) {
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname === path);
  await action();
  const response = await answered;
  await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
  return response;
}

/** Runs `action` and waits for the elder page it triggers; returns the rows (table) or cards (phone). */
export async function listAfter(page: Page, action: () => Promise<unknown>, path = '/api/elders') {
  await answerAfter(page, action, path);
  return page.locator('.elder-table tbody tr.ant-table-row, .elder-card');
}

export async function login(page: Page, origin: string, username: string, password: string) {
  await page.goto(`${origin}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function loginToList(page: Page, origin: string, username: string, password: string) {
  const rows = await listAfter(page, () => login(page, origin, username, password));
  await page.waitForURL(/\/elders/);
  return rows;
}

/**
 * Signs out through the user menu. A click that lands while the menu is still sliding in can be
 * lost (seen once on a fresh clone): open the menu and click again until the login page shows.
 */
export async function logout(page: Page) {
  const item = page.getByRole('menuitem', { name: /退出登录|Sign out/ });
  const signedOut = () => /\/login/.test(new URL(page.url()).pathname);
  await expect
    .poll(
      async () => {
        if (signedOut()) return true;
        if (!(await item.isVisible())) await page.locator('.user-menu-button').click();
        await item.click({ timeout: 5_000 }).catch(() => undefined);
        await page.waitForURL(/\/login/, { timeout: 5_000 }).catch(() => undefined);
        return signedOut();
      },
      { timeout: 30_000, interval: 250 },
    )
    .toBe(true);
}
