// Journey: a caregiver's visit on a cheap phone (HCS-6, HCS-7, HCS-8, POR-4). An operator places an
// order and assigns it to the demo caregiver; on a 390×844 phone the caregiver opens today's list,
// checks in with GPS, ticks the checklist, gets the elder's signature, loses signal, checks out
// (kept on the phone: "n pending"), and the outbox syncs once the signal is back: one visit.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney } from './journey.ts';
import { login, PHONE, watch } from './pages.ts';
import { asAdmin, call, orderForCaregiver } from './home-care-api.ts';

const journey = useJourney('caregiver-visit');
const { artifacts } = journey;
/** 上城区 (Hangzhou): inside China's box; whether it is inside the tolerance is the server's call. */
const HANGZHOU = { latitude: 30.2425, longitude: 120.1694, accuracy: 20 };

type MyTasks = {
  workerId: string;
  items: {
    orderId: string;
    checkedInAt: string | null;
    checkedOutAt: string | null;
    visitId: string | null;
    home: { lng: number; lat: number } | null;
  }[];
};

const pendingText = (page: Page) => page.locator('.sync-bar__text').textContent();

describe('journey: caregiver visit on a phone, offline check-out', () => {
  it('list → check in (GPS) → checklist → signature → offline check-out → synced once', async () => {
    const context = await journey.browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      geolocation: HANGZHOU,
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    const seen = watch(page, journey.server.url);
    try {
      // 1. The caregiver signs in and lands on the phone view (no admin menu).
      await login(page, journey.server.url, 'caregiver', journey.server.staffPassword);
      await page.waitForURL(/\/care$/);
      const mine = await call<MyTasks>(page, 'GET', '/api/home-care/my/tasks');
      expect(mine.status).toBe(200);
      const { orderId, elderId } = await orderForCaregiver(journey, mine.body.workerId);

      // the caregiver stands at the elder's door (inside the tolerance radius)
      const today = await call<MyTasks>(page, 'GET', '/api/home-care/my/tasks');
      const home = today.body.items.find((item) => item.orderId === orderId)?.home;
      if (home) await context.setGeolocation({ latitude: home.lat, longitude: home.lng, accuracy: 15 });

      // 2. Today's list shows the new visit: elder, service, masked address, time window.
      await page.reload();
      const card = page.locator(`a.task-card[href="/care/tasks/${orderId}"]`);
      await card.waitFor();
      expect(await page.locator('.app-sider, .side-menu').count()).toBe(0);
      const height = await card.evaluate((node) => node.getBoundingClientRect().height);
      expect(height).toBeGreaterThanOrEqual(48);
      await artifacts
        .shot(page, 'today-list', { fullPage: false })
        .then((path) => artifacts.publish(path, 'caregiver-today.png'));

      // 3. Check in: the time of the tap and the phone's position.
      await card.click();
      await page.locator('.check-in-button').click();
      await page.locator('.care-checklist').waitFor();
      await expect.poll(() => pendingText(page)).toContain('没有待上传的记录');
      await artifacts.shot(page, 'checked-in', { fullPage: false });

      // 4. Tick every task, write a note, the elder signs with a finger.
      const boxes = page.locator('.care-checklist input[type=checkbox]');
      for (let index = 0; index < (await boxes.count()); index += 1) await boxes.nth(index).check();
      await page.locator('#visit-notes').fill('老人精神好，已完成全部服务项目');
      const pad = page.locator('.signature__canvas');
      await pad.scrollIntoViewIfNeeded();
      const box = await pad.boundingBox();
      if (!box) throw new Error('no signature pad');
      await page.mouse.move(box.x + 30, box.y + 100);
      await page.mouse.down();
      for (const [dx, dy] of [
        [60, -50],
        [110, 20],
        [170, -40],
        [230, 30],
      ] as const)
        await page.mouse.move(box.x + dx, box.y + 100 + dy, { steps: 4 });
      await page.mouse.up();
      await page.locator('.signature__bar').getByText('已签名').waitFor();
      await artifacts
        .shot(page, 'checklist-signed', { fullPage: true })
        .then((path) => artifacts.publish(path, 'caregiver-checklist.png'));

      // 5. No signal in the basement: the check-out is kept on the phone, "n pending" in view.
      await context.setOffline(true);
      await page.locator('.check-out-button').click();
      await page.locator('.care-done').waitFor();
      await expect.poll(() => pendingText(page)).toMatch(/\d+ 条待上传/);
      await artifacts
        .shot(page, 'offline-pending', { fullPage: false })
        .then((path) => artifacts.publish(path, 'caregiver-offline.png'));

      // 6. Signal back: the outbox syncs by itself; a second manual sync changes nothing.
      await context.setOffline(false);
      await page.evaluate("window.dispatchEvent(new Event('online'))");
      await expect.poll(() => pendingText(page), { timeout: 30_000 }).toContain('没有待上传的记录');
      await artifacts.shot(page, 'synced', { fullPage: false });

      // 7. On the operator's side: the order is completed with one visit in the elder's record.
      const record = await asAdmin(journey, async (admin) => {
        const order = await call<{ status: string; visit: { id: string } | null }>(
          admin,
          'GET',
          `/api/home-care/orders/${orderId}`,
        );
        const visits = await call<{ items: { id: string; orderId: string; durationMinutes: number | null }[] }>(
          admin,
          'GET',
          `/api/home-care/visits?elderId=${elderId}`,
        );
        await admin.goto(`${journey.server.url}/elders/${elderId}/visits`);
        await admin.locator('.visits-table tbody tr.ant-table-row').first().waitFor();
        await artifacts.shot(admin, 'elder-visits').then((path) => artifacts.publish(path, 'elder-visits.png'));
        return { order, visits };
      });
      // (read from the order, not from "today's tasks": the journey may cross midnight in China)
      expect(record.order.body.status).toBe('completed');
      const synced = record.visits.body.items.filter((item) => item.orderId === orderId);
      expect(synced).toHaveLength(1);
      expect(record.order.body.visit?.id).toBe(synced[0]?.id);
      expect(synced[0]?.durationMinutes).not.toBeNull();

      expect(seen.foreign).toEqual([]);
      expect(seen.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
