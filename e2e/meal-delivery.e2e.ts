// Journey: a meal delivery round (HCS-11) on a phone. The admin sets up a kitchen that delivers and
// today's lunch, orders lunch to the door of three severely disabled elders of the demo set, then
// opens the round at 390 × 844: the doors come in driving order; one is handed over with the elder's
// QR code and the round counts it delivered. Screenshot: docs/screenshots/meal-delivery-zh-CN.png.
import { describe, expect, it } from 'vitest';
import { call } from './home-care-api.ts';
import { useJourney } from './journey.ts';
import { login, PHONE, watch } from './pages.ts';

const journey = useJourney('meal-delivery');
const { artifacts } = journey;

/** Today in China, as the server and the page count days. */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

type Round = { total: number; delivered: number; items: { elderId: string; sequence: number; status: string }[] };

describe('journey: meal delivery round on a phone', () => {
  it('kitchen → lunch → three door orders → round in order → handed over by QR → counted', async () => {
    const context = await journey.browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    const seen = watch(page, journey.server.url);
    try {
      await login(page, journey.server.url, 'admin', journey.server.adminPassword);
      const site = await call<{ id: string }>(page, 'POST', '/api/meals/sites', {
        name: '湖滨中央厨房（送餐）',
        kind: 'centralKitchen',
        regionCode: '330102002001',
        location: { lng: 120.165, lat: 30.255 },
        offersMeals: true,
        offersDelivery: true,
      });
      expect(site.status).toBe(201);
      const date = chinaToday();
      const menu = await call(page, 'PUT', `/api/meals/sites/${site.body.id}/menus/${date}/lunch`, {
        dishes: ['软米饭', '清蒸鲈鱼', '冬瓜汤'],
        dietTags: ['soft', 'lowSalt'],
        priceFen: 1500,
      });
      expect(menu.status).toBe(200);
      const elders = await call<{ items: { id: string }[] }>(
        page,
        'GET',
        '/api/elders?status=active&category=severeDisability&regionCode=330102&limit=3',
      );
      expect(elders.body.items.length).toBeGreaterThan(0);
      for (const elder of elders.body.items) {
        const order = await call(page, 'POST', '/api/meals/orders', {
          siteId: site.body.id,
          elderId: elder.id,
          mealDate: date,
          meal: 'lunch',
          channel: 'worker',
          delivery: true,
        });
        expect(order.status).toBe(201);
      }

      await page.goto(`${journey.server.url}/meal-deliveries`);
      await page.getByRole('combobox', { name: /助餐点/ }).click();
      await page.getByTitle('湖滨中央厨房（送餐）').click();
      await page.getByText('午餐', { exact: true }).click();
      const cards = page.locator('.delivery-card');
      await expect.poll(() => cards.count()).toBe(elders.body.items.length);
      const round = await call<Round>(
        page,
        'GET',
        `/api/meals/sites/${site.body.id}/deliveries?date=${date}&meal=lunch`,
      );
      expect(round.body.items.map((stop) => stop.sequence)).toEqual(round.body.items.map((_, index) => index + 1));
      artifacts.publish(await artifacts.shot(page, 'round', { fullPage: false }), 'meal-delivery-zh-CN.png');

      const first = round.body.items[0];
      if (!first) throw new Error('no stop');
      await cards.first().getByRole('textbox').fill(first.elderId);
      await cards.first().getByRole('button', { name: '确认送达' }).click();
      await expect.poll(() => cards.first().locator('.ant-tag').textContent()).toBe('已送达');
      await expect
        .poll(() => page.locator('.delivery-summary').textContent())
        .toContain(`已送达 1 / ${round.body.total}`);
      const after = await call<Round>(
        page,
        'GET',
        `/api/meals/sites/${site.body.id}/deliveries?date=${date}&meal=lunch`,
      );
      expect(after.body.delivered).toBe(1);
      artifacts.publish(await artifacts.shot(page, 'handed-over', { fullPage: false }), 'meal-delivery-done-zh-CN.png');
      expect(seen.errors).toEqual([]);
      expect(seen.foreign).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
