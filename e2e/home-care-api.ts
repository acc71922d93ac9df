// Helpers of the home-care journeys: API calls made from inside a signed-in page (its cookie and
// CSRF header), to prepare what a journey needs without clicking through other modules.
import type { Page } from 'playwright-core';

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
