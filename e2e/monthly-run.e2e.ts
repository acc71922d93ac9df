// Journey: benefit applications and the monthly subsidy run (POL-5, SUB-2, SUB-3, SUB-8, SUB-10).
// street: inbox → passes one application, refuses one (a refusal needs its reason); district:
// approves the passed one (three steps in its history); runs of September and October paid, a death
// dated 15 September recorded → October recovered; district computes November (the stop explained);
// admin approves it, downloads the .xlsx batch, imports it back as paid; the elder's ledger shows it.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney } from './journey.ts';
import { answerAfter, DESKTOP, login, logout, watch } from './pages.ts';

const journey = useJourney('monthly-run');
const { artifacts } = journey;
const programme = 'homeCareBedCareSubsidy';
let keyCounter = 0;

async function call<T>(token: string, method: string, path: string, body?: unknown, headers: object = {}): Promise<T> {
  const response = await fetch(`${journey.server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(method === 'GET'
        ? {}
        : { 'idempotency-key': `e2e-monthly-run-${String((keyCounter += 1)).padStart(6, '0')}` }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function tokenOf(username: string, password: string): Promise<string> {
  const response = await fetch(`${journey.server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return ((await response.json()) as { token: string }).token;
}

type Run = { id: string; entryCount: number; diff: { items: { elderId: string | null }[] } };

/** September and October paid (admin computes, district approves); returns an elder paid in both. */
async function paidMonths(admin: string, district: string): Promise<string> {
  let elderId = '';
  for (const month of ['2026-09', '2026-10']) {
    const run = await call<Run>(admin, 'POST', '/api/ledger/runs', { regionCode: '330102', programme, month });
    expect(run.entryCount).toBeGreaterThan(1);
    elderId ||= run.diff.items[0]?.elderId ?? '';
    await call(district, 'POST', `/api/ledger/runs/${run.id}/approve`);
  }
  return elderId;
}

/** A death dated 15 September on the record; the background jobs end the entitlement and recover October. */
async function recordDeath(admin: string, elderId: string): Promise<void> {
  const elder = await call<{ version: number }>(admin, 'GET', `/api/elders/${elderId}`);
  const body = { status: 'deceased', statusDate: '2026-09-15' };
  await call(admin, 'PATCH', `/api/elders/${elderId}`, body, { 'if-match': `"${elder.version}"` });
  await expect
    .poll(
      async () => {
        const ledger = await call<{ entries: { kind: string }[] }>(admin, 'GET', `/api/elders/${elderId}/ledger`);
        return ledger.entries.filter((entry) => entry.kind === 'recovery').length;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(1);
}

async function openApplication(page: Page, index: number) {
  const rows = page.locator('.inbox-table tbody tr.ant-table-row');
  await rows.nth(index).getByRole('button').click();
  await page.locator('.application-drawer .application-history').waitFor();
}

async function closeDrawer(page: Page) {
  await page.locator('.application-drawer .ant-drawer-close').click();
  await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
}

async function step(page: Page, button: RegExp, reason: string | null) {
  await page.locator('.application-drawer').getByRole('button', { name: button }).click();
  const dialog = page.locator('.ant-modal');
  if (reason === null) {
    await dialog.locator('.ant-btn-primary').click();
    await page.locator('.ant-modal .field-error').waitFor();
    return;
  }
  await dialog.locator('#step-reason').fill(reason);
  const answered = page.waitForResponse((response) => response.request().method() === 'POST');
  await dialog.locator('.ant-btn-primary').click();
  expect((await answered).status()).toBe(200);
  await dialog.waitFor({ state: 'hidden' });
}

describe('journey: applications inbox and the monthly subsidy run', () => {
  it('street reviews, district approves; a month is run, approved, exported, paid and explained', async () => {
    const admin = await tokenOf('admin', journey.server.adminPassword);
    const district = await tokenOf('district', journey.server.staffPassword);
    const elders = await call<{ items: { id: string }[] }>(admin, 'GET', '/api/elders?regionCode=330102002&limit=2');
    for (const elder of elders.items) {
      const body = { elderId: elder.id, programme: 'homeCareBed', applicantKind: 'family', applicantName: '李女士' };
      await call(admin, 'POST', '/api/applications', { ...body, note: '老人行动不便，申请家庭养老照护床位' });
    }
    const context = await journey.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    const seen = watch(page, journey.server.url);
    try {
      await inboxSteps(page);
      const elderId = await paidMonths(admin, district);
      await recordDeath(admin, elderId);
      await runNovember(page);
      await approveExportImport(page);
      await elderLedger(page, elderId);
      expect(seen.foreign).toEqual([]);
      expect(seen.errors).toEqual([]);
    } finally {
      await artifacts.shot(page, 'last-state', { fullPage: false }).catch(() => undefined);
      await context.close();
    }
  });
});

async function inboxSteps(page: Page) {
  await login(page, journey.server.url, 'street', journey.server.staffPassword);
  await answerAfter(page, () => page.goto(`${journey.server.url}/applications`), '/api/applications');
  expect(await page.locator('.inbox-table tbody tr.ant-table-row').count()).toBe(2);
  artifacts.publish(await artifacts.shot(page, 'street-inbox'), 'application-inbox-zh-CN.png');
  await openApplication(page, 0);
  await step(page, /审核通过/, '已入户核实，符合 001-r1');
  await closeDrawer(page);
  // the passed one left the street's tab
  await expect.poll(() => page.locator('.inbox-table tbody tr.ant-table-row').count()).toBe(1);
  await openApplication(page, 0);
  await step(page, /不予通过/, null);
  await artifacts.shot(page, 'refusal-needs-reason', { fullPage: false });
  await page.locator('#step-reason').fill('户籍不在本区，不符合 001-r1');
  await page.locator('.ant-modal .ant-btn-primary').click();
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  await closeDrawer(page);
  await logout(page);

  await login(page, journey.server.url, 'district', journey.server.staffPassword);
  await answerAfter(page, () => page.goto(`${journey.server.url}/applications`), '/api/applications');
  expect(await page.locator('.inbox-table tbody tr.ant-table-row').count()).toBe(1);
  await openApplication(page, 0);
  await step(page, /批\s?准/, '同意');
  await expect.poll(() => page.locator('.application-history .ant-timeline-item').count()).toBe(3);
  artifacts.publish(
    await artifacts.shot(page, 'district-approved', { fullPage: false }),
    'application-history-zh-CN.png',
  );
  await closeDrawer(page);
}

async function runNovember(page: Page) {
  await answerAfter(page, () => page.goto(`${journey.server.url}/monthly-run`), '/api/ledger/runs');
  await page.locator('#run-month').fill('2026-11');
  await answerAfter(page, () => page.getByRole('button', { name: /计算本月发放/ }).click(), '/api/ledger/runs');
  await page.locator('.run-detail .run-diff').waitFor();
  await expect.poll(() => page.locator('.run-changes').textContent()).toContain('老人去世');
  artifacts.publish(await artifacts.shot(page, 'november-run'), 'monthly-run-zh-CN.png');
  await logout(page);
}

async function approveExportImport(page: Page) {
  await login(page, journey.server.url, 'admin', journey.server.adminPassword);
  await answerAfter(page, () => page.goto(`${journey.server.url}/monthly-run`), '/api/ledger/runs');
  const row = page.locator('.run-table tbody tr.ant-table-row', { hasText: '2026-11' });
  await row.getByRole('button').click();
  await page.locator('.run-detail').waitFor();
  await page.getByRole('button', { name: /审批并生成发放批次/ }).click();
  const downloadButton = page.getByRole('button', { name: /下载发放批次/ });
  await downloadButton.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
  const path = join(artifacts.dir, 'batch.xlsx');
  await download.saveAs(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the batch has no sheet');
  const header = Array.from(sheet.getRow(1).values as unknown[], (value) => String(value ?? ''));
  const column = header.findIndex((value) => value.startsWith('发放结果'));
  expect(column).toBeGreaterThan(0);
  for (let row = 2; row <= sheet.rowCount; row += 1) sheet.getRow(row).getCell(column).value = '成功';
  const returned = join(artifacts.dir, 'results.xlsx');
  await workbook.xlsx.writeFile(returned);
  const imported = page.waitForResponse((response) => new URL(response.url()).pathname.endsWith('/results'));
  await page.locator('.run-actions input[type=file]').setInputFiles(returned);
  expect((await imported).status()).toBe(200);
  await expect.poll(() => page.locator('.run-results').textContent()).toMatch(/待回盘 0/);
  artifacts.publish(await artifacts.shot(page, 'approved-paid'), 'monthly-run-paid-zh-CN.png');
}

async function elderLedger(page: Page, elderId: string) {
  await answerAfter(
    page,
    () => page.goto(`${journey.server.url}/elders/${elderId}/ledger`),
    `/api/elders/${elderId}/ledger`,
  );
  await expect.poll(() => page.locator('.ledger-table').textContent()).toContain('追回');
  artifacts.publish(await artifacts.shot(page, 'elder-ledger'), 'elder-ledger-zh-CN.png');
}
