// Journey: the assessor's tablet form (issue 4, ASM-3..6). assessor on a landscape tablet (1024×768)
// opens a demo draft, fills all 26 GB/T 42195 items with ≥48 px targets, loses the network for the
// saves (the draft stays on the device, survives a reload), sees the live score, signs; assessor2 on
// a portrait tablet (768×1024) signs and the agency submits; district approves in the review page,
// and the elder's history offers the PDF report. Screenshots: docs/screenshots/assessment-*.png.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useJourney } from './journey.ts';
import { answerAfter, login, watch } from './pages.ts';

const journey = useJourney('assessment-form');
const { artifacts } = journey;
const LANDSCAPE = { width: 1024, height: 768 };
const PORTRAIT = { width: 768, height: 1024 };
const SAVE_PATH = /\/api\/assessments\/[0-9a-f-]{36}\/answers$/;

async function newPage(viewport: { width: number; height: number }) {
  const context = await journey.browser.newContext({ viewport, locale: 'zh-CN', hasTouch: true });
  const page = await context.newPage();
  return { context, page, seen: watch(page, journey.server.url) };
}

/** Picks the option with `rank` (0 = most capable) of every item in `codes`. */
async function answer(page: Page, codes: readonly string[], rank: (index: number) => number) {
  for (const [index, code] of codes.entries()) {
    await page.locator(`[data-item="${code}"] .asm-option`).nth(rank(index)).click();
  }
}

const syncState = (page: Page) => page.locator('[data-testid=sync-state]').textContent();

/** Every touch target of the form is at least 48 px high (options, counts, switches' rows, buttons). */
async function smallTargets(page: Page): Promise<number> {
  const selector =
    '.asm-option, .asm-count-row .ant-radio-button-wrapper, .asm-checks .ant-checkbox-wrapper, .asm-actions .ant-btn';
  return page
    .locator(selector)
    .evaluateAll((all) => all.filter((element) => element.getBoundingClientRect().height < 48).length);
}

describe('journey: an assessment on a tablet, two signatures, review', () => {
  it('fills the form offline-tolerant, signs twice, submits, and the district approves', async () => {
    const first = await newPage(LANDSCAPE);
    const page = first.page;
    let taskId = '';
    try {
      // 1. The assessor lands on their own draft tasks.
      await answerAfter(
        page,
        () => login(page, journey.server.url, 'assessor', journey.server.staffPassword),
        '/api/assessments',
      );
      await page.waitForURL(/\/assessments$/);
      const rows = page.locator('.ant-table-row');
      expect(await rows.count()).toBeGreaterThan(3);
      artifacts.publish(await artifacts.shot(page, 'task-list'), 'assessment-tasks-tablet-zh-CN.png');
      await rows.nth(1).getByRole('button', { name: '打开任务' }).click();
      await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
      taskId = new URL(page.url()).pathname.split('/')[2] ?? '';
      await page.locator('.asm-item').first().waitFor();
      const codes = await page
        .locator('fieldset[data-item]')
        .evaluateAll((all) => all.map((el) => el.getAttribute('data-item') ?? ''));
      expect(codes).toHaveLength(26);
      // Chinese item wording from the instrument data
      await expect(page.locator('[data-item="selfCare.eating"]').textContent()).resolves.toContain(
        '独立使用器具将食物送进口中并咽下',
      );
      expect(await smallTargets(page)).toBe(0);

      // 2. Half the items online: the autosave reaches the journey.server.
      const saved = page.waitForResponse((response) => SAVE_PATH.test(new URL(response.url()).pathname));
      await answer(page, codes.slice(0, 13), (index) => index % 2);
      expect((await saved).status()).toBe(200);
      await expect.poll(() => syncState(page), { timeout: 10_000 }).toBe('已上传');

      // 3. The network drops for the saves: the rest is kept on the device, also across a reload.
      await page.route(SAVE_PATH, (route) => route.abort('internetdisconnected'));
      await answer(page, codes.slice(13), (index) => (index % 3 === 0 ? 1 : 0));
      await expect.poll(() => syncState(page), { timeout: 10_000 }).toBe('离线·已存本机');
      await page.locator('.ant-alert', { hasText: '网络已断开' }).waitFor();
      const key = JSON.stringify(`kangyang.assessmentDraft.${taskId}`);
      const stored = (await page.evaluate(`window.localStorage.getItem(${key})`)) as string | null;
      expect(Object.keys((JSON.parse(stored ?? '{}') as { answers: object }).answers)).toHaveLength(26);
      await page.evaluate('window.scrollTo(0, 0)');
      artifacts.publish(
        await artifacts.shot(page, 'offline', { fullPage: false }),
        'assessment-form-offline-zh-CN.png',
      );
      await page.reload();
      await page.locator('.asm-item').first().waitFor();
      await expect.poll(() => page.getByText('已恢复本机保存的草稿').count(), { timeout: 15_000 }).toBe(1);
      expect(await page.locator('.asm-item--done').count()).toBe(26);

      // 4. Back online: upload, the live score shows the level; two falls raise it one level.
      await page.unroute(SAVE_PATH);
      await page.getByRole('button', { name: '立即上传' }).click();
      await expect.poll(() => syncState(page), { timeout: 10_000 }).toBe('已上传');
      const level = page.locator('[data-testid=preview-level]');
      await level.waitFor();
      const before = (await level.textContent()) ?? '';
      expect(before).toMatch(/最终等级：能力/);
      await page.locator('.asm-count-row', { hasText: '跌倒' }).getByText('2', { exact: true }).click();
      await page.locator('.asm-preview .ant-alert', { hasText: '照护风险事件' }).waitFor();
      await expect.poll(() => level.textContent()).not.toBe(before);
      await expect.poll(() => syncState(page), { timeout: 10_000 }).toBe('已上传');
      await page.evaluate('window.scrollTo(0, 0)');
      artifacts.publish(
        await artifacts.shot(page, 'form-landscape', { fullPage: false }),
        'assessment-form-tablet-zh-CN.png',
      );
      await artifacts.shot(page, 'form-landscape-full');

      // 5. The first signature.
      await answerAfter(
        page,
        () => page.getByRole('button', { name: '我确认并签名' }).click(),
        `/api/assessments/${taskId}/sign`,
      );
      await page
        .getByText(/已签名 \d{4}-/)
        .first()
        .waitFor();
      expect(first.seen.errors).toEqual([]);
      expect(first.seen.foreign).toEqual([]);
    } catch (error) {
      await artifacts.shot(page, 'failure', { fullPage: false });
      artifacts.writeText('failure-console.txt', first.seen.errors.join('\n'));
      throw error;
    } finally {
      await first.context.close();
    }

    // 6. The second assessor, portrait tablet: signs, and submits for the agency.
    const second = await newPage(PORTRAIT);
    try {
      await login(second.page, journey.server.url, 'assessor2', journey.server.staffPassword);
      await answerAfter(
        second.page,
        () => second.page.goto(`${journey.server.url}/assessments/${taskId}`),
        `/api/assessments/${taskId}`,
      );
      await second.page.locator('.asm-item--done').first().waitFor();
      expect(await second.page.locator('.asm-item--done').count()).toBe(26);
      expect(await smallTargets(second.page)).toBe(0);
      artifacts.publish(
        await artifacts.shot(second.page, 'form-portrait', { fullPage: false }),
        'assessment-form-portrait-zh-CN.png',
      );
      await answerAfter(
        second.page,
        () => second.page.getByRole('button', { name: '我确认并签名' }).click(),
        `/api/assessments/${taskId}/sign`,
      );
      await second.page.locator('#asm-signatures').scrollIntoViewIfNeeded();
      artifacts.publish(
        await artifacts.shot(second.page, 'signatures', { fullPage: false }),
        'assessment-signatures-zh-CN.png',
      );
      await answerAfter(
        second.page,
        () => second.page.getByRole('button', { name: '机构提交审核' }).click(),
        `/api/assessments/${taskId}/submit`,
      );
      await second.page.waitForURL(/\/assessments$/);
      expect(second.seen.errors).toEqual([]);
    } finally {
      await second.context.close();
    }

    // 7. The district reviews: approve; the elder's history then shows it with its PDF report.
    const district = await newPage({ width: 1280, height: 800 });
    try {
      await login(district.page, journey.server.url, 'district', journey.server.staffPassword);
      await answerAfter(
        district.page,
        () => district.page.goto(`${journey.server.url}/assessment-review/${taskId}`),
        `/api/assessments/${taskId}`,
      );
      await district.page.getByRole('button', { name: '审核通过' }).waitFor();
      artifacts.publish(await artifacts.shot(district.page, 'review'), 'assessment-review-zh-CN.png');
      const approved = await answerAfter(
        district.page,
        () => district.page.getByRole('button', { name: '审核通过' }).click(),
        `/api/assessments/${taskId}/approve`,
      );
      expect(approved.status()).toBe(200);
      const elderId = ((await approved.json()) as { elder: { id: string } }).elder.id;
      await answerAfter(
        district.page,
        () => district.page.goto(`${journey.server.url}/elders/${elderId}/assessments`),
        `/api/elders/${elderId}/assessments`,
      );
      const row = district.page.locator('.ant-table-row', { hasText: '已审核' }).first();
      const download = district.page.waitForResponse((response) =>
        response.url().endsWith(`/api/assessments/${taskId}/report.pdf`),
      );
      await row.getByRole('button', { name: 'PDF' }).click();
      const pdf = await download;
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      await answerAfter(
        district.page,
        () => district.page.goto(`${journey.server.url}/assessment-due`),
        '/api/assessments/due',
      );
      await district.page.locator('.asm-month-row').first().waitFor();
      artifacts.publish(await artifacts.shot(district.page, 'due-list'), 'assessment-due-zh-CN.png');
      expect(district.seen.errors).toEqual([]);
    } finally {
      await district.context.close();
    }
  });
});
