// Helpers of the home-care journeys: API calls made from inside a signed-in page (its cookie and
// CSRF header), to prepare what a journey needs without clicking through other modules.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Journey } from './journey.ts';
import { DESKTOP, login } from './pages.ts';

export type Answer<T = unknown> = { status: number; body: T };

/** One API call with the page's session; writes carry the CSRF header and an Idempotency-Key. */
export function call<T = unknown>(page: Page, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  return page.evaluate(
    async ([verb, url, payload]) => {
      const headers: Record<string, string> = { 'X-Kangyang-Csrf': '1' };
      if (payload !== undefined) headers['Content-Type'] = 'application/json';
      if (verb !== 'GET') headers['Idempotency-Key'] = crypto.getRandomValues(new Uint32Array(4)).join('-');
      const response = await fetch(url, {
        method: verb,
        headers,
        ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    [method, path, body] as const,
  ) as Promise<Answer<T>>;
}

type ElderItem = { id: string; name: string };
type ServiceItem = { id: string; name: string; tasks: unknown[]; active: boolean; setting: string };

/** An active elder of the demo set with a home location, and a home service with a checklist. */
export async function pickElderAndService(
  page: Page,
  regionCode = '330102002',
): Promise<{ elder: ElderItem; service: ServiceItem }> {
  // 湖滨街道, where the demo caregiver works (packages/services/src/home-care/demo-caregiver.ts)
  const elders = await call<{ items: ElderItem[] }>(
    page,
    'GET',
    `/api/elders?status=active&regionCode=${regionCode}&limit=20`,
  );
  const catalogue = await call<{ items: ServiceItem[] }>(page, 'GET', '/api/home-care/catalogue');
  const service =
    catalogue.body.items.find((item) => item.active && item.setting === 'home' && item.tasks.length >= 2) ??
    catalogue.body.items.find((item) => item.active);
  const elder = elders.body.items[5] ?? elders.body.items[0];
  if (!elder || !service) throw new Error(`no elder or service: ${JSON.stringify({ elders, catalogue })}`);
  return { elder, service };
}

/** The full ID number and phone of an elder (a reveal, with its reason, as an operator would). */
export async function revealed(page: Page, elderId: string): Promise<{ idNumber: string; phone: string | null }> {
  const answer = await call<{ idNumber: string; phone: string | null }>(page, 'POST', `/api/elders/${elderId}/reveal`, {
    reason: '端到端测试：电话下单核对老人',
  });
  if (answer.status !== 200) throw new Error(`reveal failed: ${JSON.stringify(answer)}`);
  return answer.body;
}

/** Runs `work` in a fresh desktop context signed in as the demo admin (the operator's side). */
export async function asAdmin<T>(journey: Journey, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await journey.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  const page = await context.newPage();
  try {
    await login(page, journey.server.url, 'admin', journey.server.adminPassword);
    return await work(page);
  } finally {
    await context.close();
  }
}

/** The operator's part: a phone order for a demo elder, assigned to the caregiver's worker record. */
export const orderForCaregiver = (journey: Journey, workerId: string) =>
  asAdmin(journey, async (page) => {
    const { elder, service } = await pickElderAndService(page);
    const order = await call<{ id: string }>(page, 'POST', '/api/home-care/orders', {
      elderId: elder.id,
      serviceItemId: service.id,
      channel: 'phone',
      urgency: 'routine',
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const assigned = await call(page, 'POST', `/api/home-care/orders/${order.body.id}/assign`, {
      workerId,
      reason: '端到端测试：指派给演示护理员',
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    return { orderId: order.body.id, elderId: elder.id };
  });
