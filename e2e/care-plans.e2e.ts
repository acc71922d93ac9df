// Journey: a care manager sets up recurring visits for an elder (HCS-3, HCS-7). From the elder's
// visits page she opens the care plans, tries to save an empty form (service and weekdays marked),
// then a plan every day at 09:00: the plan shows the orders it booked for the coming week. Ending
// it with a reason cancels the booked visits not yet started.
import { describe, expect, it } from 'vitest';
import { useJourney } from './journey.ts';
import { DESKTOP, login, watch } from './pages.ts';
import { call, pickElderAndService } from './home-care-api.ts';

const journey = useJourney('care-plans');
const { artifacts } = journey;

type Orders = { items: { status: string; channel: string; serviceItemId: string }[] };

describe('journey: recurring care-plan visits', () => {
  it('empty form refused → plan saved with its booked orders → ended, its open orders cancelled', async () => {
    const context = await journey.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    const seen = watch(page, journey.server.url);
    try {
      await login(page, journey.server.url, 'admin', journey.server.adminPassword);
      const { elder, service } = await pickElderAndService(page);

      // 1. From the elder's visits to the care plans: none yet.
      await page.goto(`${journey.server.url}/elders/${elder.id}/visits`);
      await page.getByRole('link', { name: '照护计划' }).click();
      await page.waitForURL(/\/care-plans$/);
      await page.locator('.ant-empty').waitFor();

      // 2. An empty form is refused on its fields; nothing is sent.
      await page.locator('.care-plan-add').click();
      await page.locator('.care-plan-submit').click();
      await page.locator('#care-plan-serviceItemId-error').getByText('请选择服务项目').waitFor();
      await page.locator('#care-plan-weekdays-error').getByText('请至少选择一个服务日').waitFor();

      // 3. Every day at 09:00, the chosen service, no end date.
      await page.locator('.care-plan-service .ant-select-selector').click();
      await page.locator('.ant-select-item-option').filter({ hasText: service.name }).first().click();
      for (const day of ['周一', '周二', '周三', '周四', '周五', '周六', '周日'])
        await page.locator('.care-plan-weekdays').getByText(day, { exact: true }).click();
      await page.locator('#care-plan-time').fill('09:00');
      await page.locator('#care-plan-notes').fill('端到端测试：每天上午助老服务');
      await page.locator('.care-plan-submit').click();
      const card = page.locator('article.care-plan--active');
      await card.waitFor();
      await expect.poll(() => card.locator('.care-plan-orders tbody tr.ant-table-row').count()).toBeGreaterThan(0);
      const booked = await call<Orders>(page, 'GET', `/api/home-care/orders?elderId=${elder.id}&channel=carePlan`);
      expect(booked.body.items.length).toBeGreaterThanOrEqual(6);
      await expect
        .poll(() => card.locator('.care-plan__orders-title').textContent())
        .toContain(`（${booked.body.items.length}）`);
      await artifacts.shot(page, 'plan-saved').then((path) => artifacts.publish(path, 'care-plans-zh-CN.png'));

      // 4. End it with a reason: ended, and its booked visits cancelled.
      await card.locator('.care-plan-end').click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('textarea').fill('老人入住养老机构');
      await dialog.getByRole('button', { name: '结束计划' }).click();
      await page.locator('article.care-plan--ended').waitFor();
      const after = await call<Orders>(page, 'GET', `/api/home-care/orders?elderId=${elder.id}&channel=carePlan`);
      expect(after.body.items.length).toBe(booked.body.items.length);
      expect(after.body.items.every((order) => order.status === 'cancelled')).toBe(true);
      await artifacts.shot(page, 'plan-ended');

      expect(seen.foreign).toEqual([]);
      expect(seen.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
