// Journey: the elder import wizard (REG-6): upload a file → validation → masked preview and error
// summary → valid rows only → import → result with the error report; a re-upload adds nothing.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ELDER_IMPORT_COLUMNS } from '@kangyang/contracts/import';
import { makeCitizenId } from '@kangyang/domain/identity';
import { isoDate } from '@kangyang/domain/units';
import { useJourney } from './journey.ts';
import { DESKTOP, loginToList, MASKED_ID, watch } from './pages.ts';

const journey = useJourney('elder-import');
const { artifacts } = journey;

const NAMES = ['赵一民', '钱二华', '孙三英', '李四强', '周五芳'];
const VALID_ROWS = NAMES.length;

/** A CSV with the template's Chinese headers: five synthetic elders and one row with a bad ID number. */
function importFile(): string {
  const header = ELDER_IMPORT_COLUMNS.map((column) => column.header);
  const row = (name: string, idNumber: string) =>
    ELDER_IMPORT_COLUMNS.map((column) => {
      if (column.key === 'name') return name;
      if (column.key === 'idNumber') return idNumber;
      if (column.key === 'residenceRegionCode') return '330102001001';
      if (column.key === 'livingSituation') return '独居';
      if (column.key === 'categories') return '低保';
      return '';
    });
  const rows = NAMES.map((name, index) =>
    row(name, makeCitizenId('330102', isoDate('1931-02-03'), 480 + index, index % 2 ? 'male' : 'female')),
  );
  rows.push(row('错误证号', '330102193102030000'));
  const path = join(mkdtempSync(join(tmpdir(), 'kangyang-import-')), 'elders.csv');
  writeFileSync(path, [header, ...rows].map((cells) => cells.join(',')).join('\n'));
  return path;
}

async function upload(page: Page, file: string) {
  await page.goto(`${journey.server.url}/imports`);
  await page.locator('.import-dragger input[type=file]').setInputFiles(file);
  await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
}

describe('journey: import elders from a spreadsheet', () => {
  it('previews masked rows, names the bad row, imports the valid ones, and a re-import adds nothing', async () => {
    const context = await journey.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    const seen = watch(page, journey.server.url);
    const file = importFile();
    try {
      await loginToList(page, journey.server.url, 'admin', journey.server.adminPassword);
      await page.goto(`${journey.server.url}/imports`);
      await page.locator('.import-dragger').waitFor();
      await artifacts.shot(page, 'upload');

      // 1. Upload; the wizard polls the job through validation to the preview.
      await upload(page, file);
      await page.locator('.mode-choice').waitFor({ timeout: 60_000 });
      const previewIds = (await page.locator('.ant-table-row .identifier').allTextContents()).filter(
        (text) => text !== '',
      );
      expect(previewIds).toHaveLength(VALID_ROWS + 1);
      for (const id of previewIds) expect(id).toMatch(MASKED_ID);
      await expect(page.locator('.error-summary').textContent()).resolves.toContain('第 7 行 · 身份证号');
      expect(await page.locator('.row-invalid').count()).toBe(1);
      await artifacts.shot(page, 'preview-and-errors');

      // 2. The error report downloads as .xlsx.
      const download = page.waitForEvent('download');
      await page.locator('.error-summary button').click();
      expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

      // 3. Valid rows only (the default when rows are bad) → import → result.
      await expect(page.locator('.mode-choice input[value=validRowsOnly]').isChecked()).resolves.toBe(true);
      await page.getByRole('button', { name: /确认导入/ }).click();
      await page.locator('.result-actions').waitFor({ timeout: 60_000 });
      const counts = await page.locator('.ant-result .ant-statistic-content-value').allTextContents();
      expect(counts).toEqual([String(VALID_ROWS), '0', '1']);
      await artifacts.shot(page, 'result');

      // 4. The same file again: every valid row is already registered, nothing is added.
      await upload(page, file);
      await page.locator('.mode-choice').waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: /确认导入/ }).click();
      await page.locator('.result-actions').waitFor({ timeout: 60_000 });
      const again = await page.locator('.ant-result .ant-statistic-content-value').allTextContents();
      expect(again).toEqual(['0', String(VALID_ROWS), '1']);
      await artifacts.shot(page, 'reimport-result');

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
