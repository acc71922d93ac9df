// Journey: the elder registry in the admin web (REG-1, POR-1, PLT-2, PLT-4, ENC-3, ENC-4).
// login as admin → elder list → search → detail (masked, reveal) → street officer: another
// street's elder is not found → en-US → list again; plus a phone-width list.
import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { useJourney } from './journey.ts';
import { DESKTOP, listAfter, loginToList, logout, MASKED_ID, MASKED_PHONE, PHONE, watch } from './pages.ts';

const journey = useJourney('elder-registry');
const { artifacts } = journey;

describe('journey: elder registry in the admin web', () => {
  it('admin: login → list → search → detail → reveal; street officer: other street not found; en-US list', async () => {
    const context: BrowserContext = await journey.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    const seen = watch(page, journey.server.url);
    try {
      // 1. A fresh visit lands on the login page (zh-CN by default).
      await page.goto(`${journey.server.url}/elders`);
      await page.waitForURL(/\/login\?next=/);
      await expect(page.locator('h1').textContent()).resolves.toContain('康养服务平台');
      await artifacts.shot(page, 'login-zh-CN');

      // 2. Admin logs in and sees the list: masked ID and phone columns (ENC-3), a total.
      const rows = await loginToList(page, journey.server.url, 'admin', journey.server.adminPassword);
      expect(await rows.count()).toBe(20);
      const firstId = (await rows.first().locator('.identifier').first().textContent()) ?? '';
      expect(firstId).toMatch(MASKED_ID);
      await expect(page.locator('.ant-pagination-total-text').textContent()).resolves.toMatch(/共 \d+ 人/);
      const listZh = await artifacts.shot(page, 'elder-list-zh-CN');
      artifacts.publish(listZh, 'elder-list-zh-CN.png');

      // 3. Name search: a surname prefix goes in the query; every row starts with it.
      const firstName = (await rows.first().locator('.elder-name-link').textContent()) ?? '';
      const surname = firstName.slice(0, 1);
      await page.locator('.elder-search input').fill(surname);
      await listAfter(page, () => page.locator('.elder-search input').press('Enter'));
      expect(page.url()).toContain(`name=${encodeURIComponent(surname)}`);
      const names = await page.locator('.elder-table tbody tr.ant-table-row .elder-name-link').allTextContents();
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(name.startsWith(surname)).toBe(true);
      await artifacts.shot(page, 'search-by-name');

      // 4. Detail: masked by default; the reveal asks for a reason and shows the full number.
      await page.locator('.elder-table tbody tr.ant-table-row .elder-name-link').first().click();
      await page.waitForURL(/\/elders\/[0-9a-f-]{36}$/);
      await page.locator('.elder-descriptions').waitFor();
      const maskedId = (await page.locator('.elder-descriptions .identifier').first().textContent()) ?? '';
      expect(maskedId).toMatch(MASKED_ID);
      await artifacts.shot(page, 'elder-detail-masked');
      await page.getByRole('button', { name: /查看完整证件号/ }).click();
      await page.locator('.ant-modal textarea').fill('端到端测试核对档案');
      await page.locator('.ant-modal .ant-btn-primary').click();
      await page.locator('.reveal-note').waitFor();
      const fullId = (await page.locator('.elder-descriptions .identifier').first().textContent()) ?? '';
      expect(fullId).toMatch(/^\d{17}[\dX]$/);
      expect(fullId.slice(0, 4)).toBe(maskedId.slice(0, 4));
      await artifacts.shot(page, 'elder-detail-revealed');

      // 5. Exact ID search: POST body only, never in the URL (ENC-4); exactly that elder.
      await listAfter(page, () => page.goto(`${journey.server.url}/elders`));
      const searchBodies: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/api/elders/search')) searchBodies.push(request.postData() ?? '');
      });
      await page.locator('.elder-search input').fill(fullId);
      await listAfter(page, () => page.locator('.elder-search input').press('Enter'), '/api/elders/search');
      await page.locator('.active-scope').getByText('按身份证号精确查找').waitFor();
      expect(page.url()).not.toContain(fullId);
      expect(searchBodies.some((body) => body.includes(fullId))).toBe(true);
      const found = await page.locator('.elder-table tbody tr.ant-table-row').count();
      expect(found).toBe(1);
      await artifacts.shot(page, 'search-by-id');

      // 6. An elder of 清波街道 (330102001), outside the street officer's 湖滨街道 (330102002).
      const otherStreet = await page.evaluate(async () => {
        const response = await fetch('/api/elders?regionCode=330102001&limit=1');
        const body = (await response.json()) as { items: { id: string }[] };
        return body.items[0]?.id ?? '';
      });
      expect(otherStreet).toMatch(/^[0-9a-f-]{36}$/);
      await logout(page);

      // 7. The street officer: the list is limited to 湖滨街道; the other street's elder answers not found (PLT-2).
      const streetRows = await loginToList(page, journey.server.url, 'street', journey.server.staffPassword);
      expect(await streetRows.count()).toBeGreaterThan(0);
      const streetCodes = await page.evaluate(async () => {
        const response = await fetch('/api/elders?limit=200');
        const body = (await response.json()) as { items: { residenceRegionCode: string }[] };
        return body.items.map((item) => item.residenceRegionCode);
      });
      expect(streetCodes.every((code) => code.startsWith('330102002'))).toBe(true);
      await page.locator('.region-select').click();
      await page.locator('.ant-select-tree-treenode:not([aria-hidden]) .ant-select-tree-title').first().waitFor();
      const roots = await page
        .locator('.ant-select-tree-treenode:not([aria-hidden]) .ant-select-tree-title')
        .allTextContents();
      expect(roots).toEqual(['湖滨街道']);
      await artifacts.shot(page, 'street-officer-region-selector');
      await page.keyboard.press('Escape');
      await page.goto(`${journey.server.url}/elders/${otherStreet}`);
      await page.locator('.elder-not-found').waitFor();
      await expect(page.locator('.elder-not-found').textContent()).resolves.toContain('未找到该老人档案');
      await artifacts.shot(page, 'street-officer-not-found');
      await logout(page);

      // 8. Admin again, in English: the UI and the antd widgets switch; the list again.
      await loginToList(page, journey.server.url, 'admin', journey.server.adminPassword);
      await page.getByText('EN', { exact: true }).click();
      await page.locator('h2', { hasText: 'Elders' }).waitFor();
      await expect(page.locator('.ant-pagination-total-text').textContent()).resolves.toMatch(/\d+ elders/);
      const listEn = await artifacts.shot(page, 'elder-list-en-US');
      artifacts.publish(listEn, 'elder-list-en-US.png');

      expect(seen.foreign).toEqual([]);
      expect(seen.errors).toEqual([]);
    } catch (error) {
      await artifacts.shot(page, 'failure').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('phone width (390 × 844, 360): the list reads as cards with masked identifiers; the detail fits', async () => {
    const context = await journey.browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const seen = watch(page, journey.server.url);
    try {
      const cards = await loginToList(page, journey.server.url, 'admin', journey.server.adminPassword);
      expect(await cards.count()).toBe(20);
      const cardId = (await page.locator('.elder-card .identifier').first().textContent()) ?? '';
      expect(cardId).toMatch(MASKED_ID);
      const phones = await page.locator('.elder-card dd .identifier').allTextContents();
      for (const phone of phones.filter((text) => text.startsWith('1') && text.length === 11))
        expect(phone).toMatch(MASKED_PHONE);
      const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await artifacts.shot(page, 'elder-list-phone-full');
      const shot = await artifacts.shot(page, 'elder-list-phone', { fullPage: false });
      artifacts.publish(shot, 'elder-list-phone-zh-CN.png');
      await page.locator('.app-header__menu').click();
      await page.locator('.menu-drawer .side-menu').waitFor();
      await artifacts.shot(page, 'phone-menu', { fullPage: false });
      await page.keyboard.press('Escape');

      // The detail page on the narrowest phone we support (360 px): one column, nothing wider than the screen.
      await page.setViewportSize({ width: 360, height: 740 });
      await page.locator('.elder-card .elder-name-link').first().click();
      await page.locator('.elder-descriptions').waitFor();
      expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(360);
      await artifacts.shot(page, 'elder-detail-360');
      expect(seen.foreign).toEqual([]);
      expect(seen.errors).toEqual([]);
    } catch (error) {
      await artifacts.shot(page, 'failure-phone').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
