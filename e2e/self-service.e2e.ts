// Journey: the elder's own phone page (HCS-3 channel "app", one-button call; security.md AZ-8 self).
// The demo elder signs in without 2FA, lands on /my, presses the big call button, confirms, and the
// urgent order reaches the staff orders board as a sosCall order — once, however the page retries.
// Screenshots: docs/screenshots/self-service-my-zh-CN.png, self-service-called-zh-CN.png.
import { describe, expect, it } from 'vitest';
import { call } from './home-care-api.ts';
import { useJourney } from './journey.ts';
import { login, PHONE, watch } from './pages.ts';

const journey = useJourney('self-service');
const { artifacts } = journey;

type Order = { id: string; channel: string; elderId: string; status: string };

describe('journey: an elder calls for help from /my', () => {
  it('signs in → /my → call → confirm → one sosCall order on the staff board', async () => {
    const context = await journey.browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: 'zh-CN' });
    const page = await context.newPage();
    const seen = watch(page, journey.server.url);
    try {
      await login(page, journey.server.url, 'elder', journey.server.staffPassword);
      await page.waitForURL(/\/my/);
      const mine = await call<{ items: { elderId: string }[] }>(page, 'GET', '/api/me/elders');
      expect(mine.status).toBe(200);
      expect(mine.body.items).toHaveLength(1);
      const elderId = mine.body.items[0]?.elderId ?? '';
      // the staff routes stay closed to the elder's account
      expect((await call(page, 'GET', '/api/elders?limit=1')).status).toBe(403);
      const button = page.getByRole('button', { name: '一键呼叫' });
      await button.waitFor();
      const box = await button.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(56);
      artifacts.publish(await artifacts.shot(page, 'my', { fullPage: false }), 'self-service-my-zh-CN.png');

      await button.click();
      await page.getByRole('alertdialog').waitFor();
      await page.getByRole('button', { name: '是，马上呼叫' }).click();
      await page.getByText('已呼叫，护理员正在赶来').waitFor();
      artifacts.publish(await artifacts.shot(page, 'called', { fullPage: false }), 'self-service-called-zh-CN.png');
      expect(seen.errors).toEqual([]);
      expect(seen.foreign).toEqual([]);

      const staff = await journey.browser.newContext({ locale: 'zh-CN' });
      const admin = await staff.newPage();
      await login(admin, journey.server.url, 'admin', journey.server.adminPassword);
      const board = await call<{ items: Order[] }>(
        admin,
        'GET',
        `/api/home-care/orders?elderId=${elderId}&channel=sosCall&limit=20`,
      );
      expect(board.status).toBe(200);
      expect(board.body.items.filter((order) => order.elderId === elderId)).toHaveLength(1);
      await staff.close();
    } finally {
      await context.close();
    }
  });
});
