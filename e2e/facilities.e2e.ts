// Journey: facility pages (issue 7: "declared" indicators come from facility attributes; click-through
// from the map). admin (district 330102) → map → a facility's drawer → its page → the facilities list →
// an institution → edit its beds (a new version in the history) → the same page in en-US.
// Screenshots go to docs/screenshots/ (facilities-*, facility-*).
import { describe, expect, it } from 'vitest';
import { useJourney } from './journey.ts';
import { answerAfter, DESKTOP, login, watch } from './pages.ts';

const journey = useJourney('facilities');
const { artifacts } = journey;

describe('journey: facility pages from the map and the list', () => {
  it('opens a facility from the map, lists facilities, edits beds with history, in both languages', async () => {
    const context = await journey.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    const seen = watch(page, journey.server.url);
    const origin = journey.server.url;
    try {
      await login(page, origin, 'admin', journey.server.adminPassword);
      await answerAfter(page, () => page.goto(`${origin}/map`), '/api/regions/330102/boundaries');
      const sites = page.locator('.map-site');
      await expect.poll(() => sites.count()).toBeGreaterThan(0);
      await sites.first().click();
      await page.locator('.facility-drawer .ant-descriptions').waitFor();
      await page.getByRole('button', { name: '查看机构档案' }).click();
      await page.waitForURL(/\/facilities\/[0-9a-f-]{36}$/);
      await page.locator('.facility-page .page-title').waitFor();

      const list = await answerAfter(page, () => page.goto(`${origin}/facilities`), '/api/facilities');
      expect(list.status()).toBe(200);
      const rows = page.locator('.facility-list tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      artifacts.publish(await artifacts.shot(page, 'facilities-zh-CN'), 'facilities-zh-CN.png');

      const withBeds = rows.filter({ hasText: /\d+ \/ \d+ \/ \d+/ }).first();
      await withBeds.locator('td').first().click();
      await page.waitForURL(/\/facilities\/[0-9a-f-]{36}$/);
      await page.locator('.facility-page .facility-figure').first().waitFor();
      const historyRows = page.locator('.facility-page .ant-card').filter({ hasText: '修改记录' }).locator('tbody tr');
      const before = await historyRows.count();
      await page.getByRole('button', { name: '修改床位与基本情况' }).click();
      await page.getByLabel('在住床位').fill('10');
      await page.getByLabel('依据文件（文号）').fill('上城民〔2026〕7号');
      const saved = await answerAfter(
        page,
        () => page.locator('.ant-modal-footer .ant-btn-primary').click(),
        page.url().replace(origin, '/api').replace(/\/$/, '') + '/attributes',
      );
      expect(saved.status()).toBe(200);
      await expect.poll(() => historyRows.count()).toBe(before + 1);
      artifacts.publish(await artifacts.shot(page, 'facility-zh-CN'), 'facility-zh-CN.png');

      await page.evaluate("window.localStorage.setItem('kangyang.locale', 'en-US')");
      await page.reload();
      await page.getByRole('button', { name: 'Edit beds and basic facts' }).waitFor();
      artifacts.publish(await artifacts.shot(page, 'facility-en-US'), 'facility-en-US.png');

      expect(seen.foreign).toEqual([]);
      expect(seen.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
