// Journey: plan-indicator dashboards and the offline resource map (issue 7: KPI-1 … KPI-10).
// admin (district 330102) → plan page of profile 001 → drill-down → region overview → command
// centre → map (boundaries, density cells, facilities, a facility's details) → the same in en-US.
// Screenshots go to docs/screenshots/ (plan-page-*, overview-*, map-*).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney } from './journey.ts';
import { answerAfter, DESKTOP, login, watch } from './pages.ts';

const journey = useJourney('dashboards');
const { artifacts } = journey;
type Locale = 'zh-CN' | 'en-US';

const STATUS_WORDS: Record<Locale, RegExp> = {
  'zh-CN': /^(已达标|进展正常|有风险|未达标|缺少数据来源)$/,
  'en-US': /^(Met|On track|At risk|Missed|Data source missing)$/,
};

async function planPage(page: Page, locale: Locale) {
  const response = await answerAfter(
    page,
    () => page.goto(`${journey.server.url}/plans/001`),
    '/api/plans/001/indicators',
  );
  expect(response.status()).toBe(200);
  // the same answer again (the page's own may be replaced by a refetch after the refresh)
  const body = (await page.evaluate("fetch('/api/plans/001/indicators').then((answer) => answer.json())")) as {
    items: { id: string; value: number | null }[];
    total: number;
  };
  expect(body.total).toBe(body.items.length);
  const rows = page.locator('.indicator-table tbody tr.ant-table-row');
  await expect.poll(() => rows.count()).toBe(body.items.length);
  // every row has a status tag in words; a null value says "data source missing" plainly
  const tags = await page.locator('.indicator-table .status-tag').allTextContents();
  expect(tags).toHaveLength(body.items.length);
  for (const tag of tags) expect(tag.trim()).toMatch(STATUS_WORDS[locale]);
  const missing = body.items.filter((item) => item.value === null).length;
  expect(await page.locator('.indicator-missing').count()).toBe(missing);
  await expect(page.locator('.plan-meta').textContent()).resolves.toMatch(/数据更新于|Data refreshed/);
  artifacts.publish(await artifacts.shot(page, `plan-page-${locale}`), `plan-page-${locale}.png`);
}

/** Recomputes the rollups through the plan page's button and waits until the refresh has finished. */
async function refreshRollups(page: Page) {
  await answerAfter(page, () => page.goto(`${journey.server.url}/plans/001`), '/api/plans/001/indicators');
  const status = () =>
    page.evaluate("fetch('/api/indicators/refresh').then((answer) => answer.json())") as Promise<{
      pending: boolean;
      lastRefreshedAt: string | null;
    }>;
  const before = (await status()).lastRefreshedAt;
  await page.getByRole('button', { name: /立即重新计算/ }).click();
  await expect
    .poll(
      async () => {
        const now = await status();
        return !now.pending && now.lastRefreshedAt !== null && now.lastRefreshedAt !== before;
      },
      { timeout: 120_000, interval: 1000 },
    )
    .toBe(true);
}

async function drillDown(page: Page) {
  // an indicator with a value (computed from the demo's records)
  const first = page
    .locator('.indicator-table tbody tr.ant-table-row')
    .filter({ has: page.locator('.indicator-value') })
    .first();
  const indicatorId = ((await first.locator('.identifier').textContent()) ?? '').trim();
  const path = `/api/plans/001/indicators/${indicatorId}/breakdown`;
  const response = await answerAfter(page, () => first.getByRole('button').click(), path);
  expect(response.status()).toBe(200);
  await page.locator('.indicator-drawer .ant-table-row').first().waitFor();
  // the demo district has 14 streets: one row each
  expect(await page.locator('.indicator-drawer .ant-table-row').count()).toBe(14);
  await artifacts.shot(page, 'plan-drill-down', { fullPage: false });
  await page.locator('.indicator-drawer .ant-drawer-close').click();
}

async function overview(page: Page, locale: Locale) {
  const response = await answerAfter(
    page,
    () => page.goto(`${journey.server.url}/overview`),
    '/api/regions/330102/overview',
  );
  expect(response.status()).toBe(200);
  const body = (await page.evaluate("fetch('/api/regions/330102/overview').then((answer) => answer.json())")) as {
    elders: { total: number };
  };
  expect(body.elders.total).toBeGreaterThan(0);
  await expect(page.locator('[data-testid=figure-elders]').textContent()).resolves.toContain(
    body.elders.total.toLocaleString('en-US'),
  );
  // charts are drawn locally on canvases (no CDN)
  await expect.poll(() => page.locator('.chart-card canvas').count()).toBeGreaterThanOrEqual(2);
  await page.waitForTimeout(300);
  artifacts.publish(await artifacts.shot(page, `overview-${locale}`), `overview-${locale}.png`);
}

async function resourceMap(page: Page, locale: Locale) {
  const response = await answerAfter(
    page,
    () => page.goto(`${journey.server.url}/map`),
    '/api/regions/330102/boundaries',
  );
  expect(response.status()).toBe(200);
  await expect.poll(() => page.locator('.map-regions .map-region').count()).toBe(14);
  await expect.poll(() => page.locator('.map-density rect').count()).toBeGreaterThan(0);
  // never individual elders: no cell under 5 elders reaches the browser
  const density = (await page.evaluate(
    "fetch('/api/regions/330102/density?cellMetres=1000').then((answer) => answer.json())",
  )) as { cells: { elders: number }[] };
  expect(density.cells.every((cell) => cell.elders >= 5)).toBe(true);
  const sites = page.locator('.map-site');
  if ((await sites.count()) > 0) {
    await sites.first().click();
    await page.locator('.facility-drawer .ant-descriptions').waitFor();
    await artifacts.shot(page, `map-facility-${locale}`, { fullPage: false });
    await page.locator('.facility-drawer .ant-drawer-close').click();
  }
  await page.getByRole('button', { name: /放大|Zoom in/ }).click();
  await expect(page.locator('.map-view').getAttribute('transform')).resolves.toContain('scale(1.5)');
  await page.getByRole('button', { name: /复位|Reset view/ }).click();
  artifacts.publish(await artifacts.shot(page, `map-${locale}`), `map-${locale}.png`);
  // the 15-minute layer alone: each street shaded by its share of located elders within the circle
  await page.locator('.map-switch').first().locator('button').click();
  await answerAfter(
    page,
    () => page.locator('.map-switch').nth(1).locator('button').click(),
    '/api/coverage/communities',
  );
  await expect.poll(() => page.locator('.map-circles circle').count()).toBe(await sites.count());
  expect(await page.locator('.map-density rect').count()).toBe(0);
  await expect.poll(() => page.locator('.map-label__share').count()).toBeGreaterThan(0);
  artifacts.publish(await artifacts.shot(page, `map-coverage-${locale}`), `map-coverage-${locale}.png`);
}

/** KPI-4: a reported indicator (001-21, the care budget in yuan) takes a figure for the year, kept with its author. */
async function reportValue(page: Page) {
  const row = page.locator('.indicator-table tbody tr.ant-table-row').filter({ hasText: '001-21' });
  await answerAfter(page, () => row.getByRole('button').click(), '/api/plans/001/indicators/001-21/breakdown');
  await answerAfter(
    page,
    () => page.locator('.indicator-drawer').getByRole('tab', { name: '填报记录' }).click(),
    '/api/plans/001/indicators/001-21/reported',
  );
  await page.locator('.reported-form input').nth(1).fill('2500000');
  await page.locator('.reported-form textarea').fill('区财政局 2026 年预算批复');
  const saved = await answerAfter(
    page,
    () => page.locator('.reported-form button[type=submit]').click(),
    '/api/plans/001/indicators/001-21/reported',
  );
  expect(saved.status()).toBe(201);
  const entries = page.locator('.indicator-drawer .ant-tabs-tabpane-active .ant-table-row');
  await expect.poll(() => entries.count()).toBe(1);
  await expect(entries.first().textContent()).resolves.toContain('2,500,000');
  await artifacts.shot(page, 'reported-value', { fullPage: false });
  await page.locator('.indicator-drawer .ant-drawer-close').click();
}

/** KPI-3: the records behind 001-17 (home care beds) for a permitted role: masked names, as many as the API's total. */
async function recordsBehind(page: Page) {
  const row = page.locator('.indicator-table tbody tr.ant-table-row').filter({ hasText: '001-17' });
  await answerAfter(page, () => row.getByRole('button').click(), '/api/plans/001/indicators/001-17/breakdown');
  const answer = await answerAfter(
    page,
    () => page.locator('.indicator-drawer').getByRole('tab', { name: '明细记录' }).click(),
    '/api/plans/001/indicators/001-17/records',
  );
  expect(answer.status()).toBe(200);
  const body = (await answer.json()) as { total: number; items: { values: { name: string } }[] };
  const rows = page.locator('.indicator-records .ant-table-row');
  await expect.poll(() => rows.count()).toBe(Math.min(body.total, 20));
  for (const item of body.items) expect(item.values.name).toMatch(/\*/);
  await expect(page.locator('.indicator-records').textContent()).resolves.toContain(`共 ${body.total} 条`);
  await artifacts.shot(page, 'plan-records', { fullPage: false });
  await page.locator('.indicator-drawer .ant-drawer-close').click();
}

/** KPI-9: the overview's PDF report downloads. */
async function overviewPdf(page: Page) {
  const pdf = await answerAfter(
    page,
    () => page.getByRole('button', { name: /导出 PDF 报告/ }).click(),
    '/api/regions/330102/overview.pdf',
  );
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
}

describe('journey: plan dashboards, overview, command centre and the offline map', () => {
  it('shows every indicator with status in words, the overview, the command centre and the map in both languages', async () => {
    const context = await journey.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    const seen = watch(page, journey.server.url);
    try {
      await login(page, journey.server.url, 'admin', journey.server.adminPassword);
      await refreshRollups(page);
      await planPage(page, 'zh-CN');
      await drillDown(page);
      await reportValue(page);
      await recordsBehind(page);
      await overview(page, 'zh-CN');
      await overviewPdf(page);

      const centre = await answerAfter(
        page,
        () => page.goto(`${journey.server.url}/command-centre`),
        '/api/regions/330102/overview',
      );
      expect(centre.status()).toBe(200);
      await page.locator('.command-centre .figure-card').first().waitFor();
      await page.waitForTimeout(300);
      artifacts.publish(
        await artifacts.shot(page, 'command-centre-zh-CN', { fullPage: false }),
        'command-centre-zh-CN.png',
      );

      await resourceMap(page, 'zh-CN');

      await page.evaluate("window.localStorage.setItem('kangyang.locale', 'en-US')");
      await planPage(page, 'en-US');
      await overview(page, 'en-US');
      await resourceMap(page, 'en-US');

      expect(seen.foreign, 'requests off our origin (offline map, no CDN)').toEqual([]);
      expect(seen.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
