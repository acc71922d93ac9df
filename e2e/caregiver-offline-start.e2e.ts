// Journey: the caregiver's phone opens /care with no signal (HCS-6, REL-6). Online, the caregiver
// signs in once on a 390×844 phone: the service worker keeps the app shell and her task list. In the
// basement the phone has no signal, the page is closed and opened again: today's tasks show from the
// saved copy with "offline: showing tasks saved at hh:mm"; she checks in (kept on the phone); with
// the signal back the check-in syncs once. Signing out removes the saved copy from the phone.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useJourney } from './journey.ts';
import { login, PHONE, watch } from './pages.ts';
import { asAdmin, call, orderForCaregiver } from './home-care-api.ts';

const journey = useJourney('caregiver-offline-start');
const { artifacts } = journey;
const HANGZHOU = { latitude: 30.2425, longitude: 120.1694, accuracy: 20 };
const CARE_DATA_CACHE = 'kangyang-care-data-v1';

type MyTasks = {
  workerId: string;
  items: { orderId: string; checkedInAt: string | null; home: { lng: number; lat: number } | null }[];
};

const visitsOf = (orderId: string, elderId: string) =>
  asAdmin(journey, async (admin) => {
    const visits = await call<{ items: { orderId: string }[] }>(
      admin,
      'GET',
      `/api/home-care/visits?elderId=${elderId}`,
    );
    return visits.body.items.filter((item) => item.orderId === orderId).length;
  });

const CONTROLLER = "navigator.serviceWorker.controller ? navigator.serviceWorker.controller.scriptURL : ''";

/** Waits until the service worker controls the page (the first load installs it). */
async function controlledBy(page: Page): Promise<string> {
  await page.evaluate('navigator.serviceWorker.ready.then(() => undefined)');
  await expect.poll(() => page.evaluate<string>(CONTROLLER), { timeout: 30_000 }).toMatch(/\/sw\.js$/);
  return page.evaluate<string>(CONTROLLER);
}

/** The API paths saved on the phone for offline use (the page's own view of the Cache API). */
const savedPaths = (page: Page) =>
  page.evaluate<string[]>(`(async () => {
    if (!(await caches.has('${CARE_DATA_CACHE}'))) return [];
    const keys = await (await caches.open('${CARE_DATA_CACHE}')).keys();
    return keys.map((request) => new URL(request.url).pathname).sort();
  })()`);

const pendingText = (page: Page) => page.locator('.sync-bar__text').textContent();

async function phone(): Promise<BrowserContext> {
  return journey.browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    geolocation: HANGZHOU,
    permissions: ['geolocation'],
  });
}

describe('journey: the caregiver opens /care with no signal', () => {
  it('online sign-in → offline cold start shows saved tasks → offline check-in → synced once', async () => {
    const context = await phone();
    const first = await context.newPage();
    try {
      // 1. Online: sign in; the service worker installs and takes the page over.
      await login(first, journey.server.url, 'caregiver', journey.server.staffPassword);
      await first.waitForURL(/\/care$/);
      expect(await controlledBy(first)).toBe(`${journey.server.url}/sw.js`);
      const mine = await call<MyTasks>(first, 'GET', '/api/home-care/my/tasks');
      const { orderId, elderId } = await orderForCaregiver(journey, mine.body.workerId);
      const home = (await call<MyTasks>(first, 'GET', '/api/home-care/my/tasks')).body.items.find(
        (item) => item.orderId === orderId,
      )?.home;
      if (home) await context.setGeolocation({ latitude: home.lat, longitude: home.lng, accuracy: 15 });
      await first.reload();
      await first.locator(`a.task-card[href="/care/tasks/${orderId}"]`).waitFor();
      // only the caregiver's own task list and account are kept, nothing else of the API
      expect(await savedPaths(first)).toEqual(['/api/auth/me', '/api/home-care/my/tasks']);
      expect(await first.locator('.care-offline-notice').count()).toBe(0);

      // 2. The basement: no signal, the page closed, the phone opens /care again.
      await context.setOffline(true);
      await first.close();
      const page = await context.newPage();
      const seen = watch(page, journey.server.url);
      await page.goto(`${journey.server.url}/care`);
      const card = page.locator(`a.task-card[href="/care/tasks/${orderId}"]`);
      await card.waitFor({ timeout: 30_000 });
      const notice = page.locator('.care-offline-notice');
      await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toMatch(/离线：显示 \d{2}:\d{2} 保存的任务/);
      await artifacts
        .shot(page, 'offline-start', { fullPage: false })
        .then((path) => artifacts.publish(path, 'caregiver-offline-start-zh-CN.png'));

      // 3. Check in with no signal: kept on the phone.
      await card.click();
      await page.locator('.check-in-button').click();
      await page.locator('.care-checklist').waitFor();
      await expect.poll(() => pendingText(page)).toMatch(/1 条待上传/);
      await artifacts.shot(page, 'offline-checked-in', { fullPage: false });

      // 4. Signal back: the check-in syncs by itself, once; a manual retry changes nothing.
      await context.setOffline(false);
      await page.evaluate("window.dispatchEvent(new Event('online'))");
      await expect.poll(() => pendingText(page), { timeout: 30_000 }).toContain('没有待上传的记录');
      const after = await call<MyTasks>(page, 'GET', '/api/home-care/my/tasks');
      expect(after.body.items.find((item) => item.orderId === orderId)?.checkedInAt).not.toBeNull();
      await page.evaluate("window.dispatchEvent(new Event('online'))");
      expect(await visitsOf(orderId, elderId)).toBe(1);
      await page.goto(`${journey.server.url}/care`);
      await card.waitFor();
      expect(await notice.count()).toBe(0);
      await artifacts.shot(page, 'synced', { fullPage: false });

      // 5. Sign-out: the saved task list and account leave the phone.
      await page.locator('.care-header__logout').click();
      await page.waitForURL(/\/login/);
      await expect.poll(() => savedPaths(page)).toEqual([]);

      expect(seen.foreign).toEqual([]);
      expect(seen.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
