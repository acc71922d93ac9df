// Journey: the call centre takes a phone order (HCS-3, HCS-4, HCS-5): find the elder by ID number
// with the keyboard, choose the service, Enter submits (twice: still one order), see the ranked
// candidates with reasons, override with a reason, then the orders board with its clocks.
import { describe, expect, it } from 'vitest';
import { useJourney } from './journey.ts';
import { DESKTOP, login, watch } from './pages.ts';
import { call, pickElderAndService, revealed } from './home-care-api.ts';

const journey = useJourney('phone-intake');
const { artifacts } = journey;

describe('journey: call-centre phone intake', () => {
  it('ID lookup → service → Enter (twice) → one order → candidates with reasons → override → board', async () => {
    const context = await journey.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    const seen = watch(page, journey.server.url);
    try {
      await login(page, journey.server.url, 'admin', journey.server.adminPassword);
      const { elder, service } = await pickElderAndService(page);
      const { idNumber } = await revealed(page, elder.id);
      const ordersOf = async () =>
        (await call<{ total: number }>(page, 'GET', `/api/home-care/orders?elderId=${elder.id}`)).body.total;
      const before = await ordersOf();
      const posts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/home-care/orders')
          posts.push(request.headers()['idempotency-key'] ?? '');
      });

      // 1. The form opens with the focus in the lookup; the ID number goes in a POST body (ENC-4).
      await page.goto(`${journey.server.url}/intake`);
      await page.locator('#intake-lookup').waitFor();
      expect(await page.evaluate('document.activeElement?.id')).toBe('intake-lookup');
      await page.keyboard.type(idNumber);
      const searched = page.waitForResponse((response) => response.url().endsWith('/api/elders/search'));
      await page.keyboard.press('Enter');
      await searched;
      await expect.poll(() => page.locator('.intake-chosen__name').textContent()).toBe(elder.name);
      expect(page.url()).not.toContain(idNumber);

      // 2. The focus moved on to the service: type to filter, Enter picks it.
      await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('intake-service');
      await page.keyboard.type(service.name);
      await page.keyboard.press('Enter');
      await page.locator('#intake-notes').fill('端到端测试：老人行动不便，请按门铃');
      await artifacts.shot(page, 'intake-filled').then((path) => artifacts.publish(path, 'phone-intake-form.png'));

      // 3. Enter twice in a row: one order (the same Idempotency-Key, API-4).
      await page.locator('#intake-notes').press('Enter');
      await page
        .locator('#intake-notes')
        .press('Enter')
        .catch(() => undefined);
      await page.locator('.order-outcome').waitFor();
      expect(await ordersOf()).toBe(before + 1);
      expect(new Set(posts).size).toBe(1);

      // 4. The ranked candidates with reasons (HCS-4).
      const rows = page.locator('.candidate-table tbody tr.ant-table-row');
      await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await page.locator('.candidate-table .reason-tags .ant-tag').count()).toBeGreaterThan(0);
      await artifacts.shot(page, 'candidates').then((path) => artifacts.publish(path, 'phone-intake-candidates.png'));

      // 5. Override: another eligible worker, with a reason.
      const override = page.locator('.candidate-table .override-open');
      const target = (await override.count()) > 1 ? override.nth(1) : override.first();
      const targetName = (await target.locator('xpath=ancestor::tr').locator('td').nth(1).textContent()) ?? '';
      await target.click();
      await page.locator('.override-form input').fill('家属指定熟悉的护理员');
      const assigned = page.waitForResponse((response) => response.url().endsWith('/assign'));
      await page.locator('.override-form input').press('Enter');
      expect((await assigned).status()).toBe(200);
      await expect.poll(() => page.locator('.order-facts').textContent()).toContain(targetName.trim());
      await artifacts.shot(page, 'overridden');

      // 6. The orders board: every order shows its response clock (HCS-5).
      await page.goto(`${journey.server.url}/orders`);
      await page.locator('.orders-table tbody tr.ant-table-row').first().waitFor();
      expect(await page.locator('.orders-table .clock-tag').count()).toBeGreaterThan(0);
      await artifacts.shot(page, 'orders-board').then((path) => artifacts.publish(path, 'orders-board.png'));

      expect(seen.foreign).toEqual([]);
      expect(seen.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
