// Journey: editing an elder and reading the audit trail (REG-1, API-5, PLT-3, AUD-8, ENC-4).
// admin: edit form with the server's rules → save → a stale second tab gets VERSION_CONFLICT →
// new-elder form refuses empty fields → import wizard opens; auditor: audit log by elder ID number.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney } from './journey.ts';
import { answerAfter, DESKTOP, login, loginToList, logout, watch } from './pages.ts';

const journey = useJourney('elder-edit-audit');
const { artifacts } = journey;

async function openEdit(page: Page, origin: string, elderId: string) {
  await answerAfter(page, () => page.goto(`${origin}/elders/${elderId}/edit`), `/api/elders/${elderId}`);
  await page.locator('.elder-form').waitFor();
}

async function setAddress(page: Page, address: string) {
  await page.locator('#address').fill(address);
}

describe('journey: edit an elder, then audit it', () => {
  it('admin edits with client-side checks and optimistic concurrency; auditor finds the trail by ID number', async () => {
    const context = await journey.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    const seen = watch(page, journey.server.url);
    try {
      const rows = await loginToList(page, journey.server.url, 'admin', journey.server.adminPassword);
      await rows.first().locator('.elder-name-link').click();
      await page.waitForURL(/\/elders\/[0-9a-f-]{36}$/);
      const elderId = new URL(page.url()).pathname.split('/')[2] ?? '';
      await page.locator('.elder-descriptions').waitFor();

      // The full ID number, for the auditor's search below (a reveal, itself audited).
      await page.getByRole('button', { name: /查看完整证件号/ }).click();
      await page.locator('.ant-modal textarea').fill('审计演示');
      await page.locator('.ant-modal .ant-btn-primary').click();
      await page.locator('.reveal-note').waitFor();
      const fullId = (await page.locator('.elder-descriptions .identifier').first().textContent()) ?? '';
      expect(fullId).toMatch(/^\d{17}[\dX]$/);

      // 1. The edit form: a bad mobile number is refused before any request, by the domain's rule.
      await openEdit(page, journey.server.url, elderId);
      await artifacts.shot(page, 'edit-form');
      let patches = 0;
      page.on('request', (request) => {
        if (request.method() === 'PATCH') patches += 1;
      });
      await page.locator('#phone').fill('12345');
      await page.locator('.form-actions button[type=submit]').click();
      await page.locator('#phone_help, .ant-form-item-has-error #phone').first().waitFor();
      expect(await page.locator('.ant-form-item-explain-error').first().textContent()).toContain('手机号');
      expect(patches).toBe(0);
      await artifacts.shot(page, 'edit-form-phone-error');

      // 2. A valid change is saved with If-Match and lands on the detail page.
      await page.locator('#phone').fill('');
      await setAddress(page, '测试路 1 号');
      const saved = await answerAfter(
        page,
        () => page.locator('.form-actions button[type=submit]').click(),
        `/api/elders/${elderId}`,
      );
      expect(saved.request().headers()['if-match']).toBe('"1"');
      expect(saved.status()).toBe(200);
      await page.waitForURL(new RegExp(`/elders/${elderId}$`));
      await page.locator('.elder-descriptions').getByText('测试路 1 号').waitFor();

      // 3. Two tabs on version 2: the second save answers 412 VERSION_CONFLICT, shown with a way out.
      const other = await context.newPage();
      await openEdit(other, journey.server.url, elderId);
      await openEdit(page, journey.server.url, elderId);
      await setAddress(other, '测试路 2 号');
      await answerAfter(
        other,
        () => other.locator('.form-actions button[type=submit]').click(),
        `/api/elders/${elderId}`,
      );
      await other.close();
      await setAddress(page, '测试路 3 号');
      const conflict = await answerAfter(
        page,
        () => page.locator('.form-actions button[type=submit]').click(),
        `/api/elders/${elderId}`,
      );
      expect(conflict.status()).toBe(412);
      await page.getByText('档案已被他人修改').waitFor();
      await artifacts.shot(page, 'edit-version-conflict');
      await answerAfter(
        page,
        () => page.getByRole('button', { name: '载入最新版本' }).click(),
        `/api/elders/${elderId}`,
      );
      // the form re-renders with the reloaded record just after the reply arrives
      await expect.poll(() => page.locator('#address').inputValue(), { timeout: 5000 }).toBe('测试路 2 号');

      // 4. The new-elder form names every missing required field (ElderCreateBody on the client).
      await page.goto(`${journey.server.url}/elders/new`);
      await page.locator('.elder-form').waitFor();
      await page.locator('.form-actions button[type=submit]').click();
      await page.locator('.ant-form-item-explain-error').first().waitFor();
      expect(await page.locator('.ant-form-item-explain-error').count()).toBeGreaterThanOrEqual(3);
      await artifacts.shot(page, 'new-elder-required');

      // 5. The import wizard's first step (the import API is another module's work).
      await page.goto(`${journey.server.url}/imports`);
      await page.locator('.import-dragger').waitFor();
      await artifacts.shot(page, 'import-upload');
      await logout(page);

      // 6. The auditor lands on the audit log and finds this elder's trail by ID number, via POST only.
      await answerAfter(
        page,
        () => login(page, journey.server.url, 'auditor', journey.server.staffPassword),
        '/api/audit/search',
      );
      await page.waitForURL(/\/audit$/);
      await page.locator('#elderIdNumber').fill(fullId);
      const search = await answerAfter(
        page,
        () => page.locator('.audit-filters button[type=submit]').click(),
        '/api/audit/search',
      );
      expect(search.request().postData() ?? '').toContain(fullId);
      expect(page.url()).not.toContain(fullId);
      const actions = await page.locator('.audit-table tbody tr.ant-table-row code').allTextContents();
      expect(actions).toContain('elder.update');
      expect(actions).toContain('elder.reveal');
      await artifacts.shot(page, 'audit-by-elder');

      expect(seen.foreign).toEqual([]);
      expect(seen.errors).toEqual([]);
    } catch (error) {
      await artifacts.shot(page, 'failure').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
