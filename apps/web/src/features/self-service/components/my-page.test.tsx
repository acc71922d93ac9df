import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../../shared/api/api-context.tsx';
import { I18nProvider } from '../../../shared/i18n/i18n-context.tsx';
import { messagesZhCN } from '../../../shared/i18n/messages-zh-cn.ts';
import { MyPage } from './my-page.tsx';

const ELDER_ID = '01a18d8a-1ad8-76fd-8cdf-3421fd040251';
const ITEM_ID = '01a18d8a-1802-704b-ae0d-c5716641ce32';
const ORDER_ID = '01a20871-cc61-76f5-a8fb-d7a0ada91269';
const VISIT_ID = '01a20871-cc61-76f5-a8fb-d7a0ada91270';
const BASE = `/api/me/elders/${ELDER_ID}`;
const ORDER = {
  id: ORDER_ID,
  serviceItemId: ITEM_ID,
  serviceName: '助浴',
  channel: 'app',
  urgency: 'routine',
  status: 'completed',
  scheduledFor: '2026-11-20T02:00:00.000Z',
  workerName: '张阿姨',
  elderPaysFen: 3000,
  createdAt: '2026-11-19T02:00:00.000Z',
  visitId: VISIT_ID,
  visitStatus: 'completed',
  stars: null,
};
const QUOTE = {
  serviceItemId: ITEM_ID,
  priceFen: 6000,
  subsidyFen: 3000,
  elderPaysFen: 3000,
  ruleId: null,
  basis: 'subsidised',
  category: 'lowIncome',
};
const ITEM = { id: ITEM_ID, code: 'BA01', name: '助浴', nameEn: 'Bathing', category: 'bathing', durationMinutes: 60 };
const RATING = { id: ORDER_ID, providerId: ITEM_ID, siteId: null, visitId: VISIT_ID, workerId: null, amended: false };

let container: HTMLDivElement;
let root: Root;
let posts: { url: string; body: Record<string, unknown>; key: string | null }[];

const flush = () => act(async () => new Promise((done) => setTimeout(done, 0)));
const buttonNamed = (text: string) => {
  const found = [...container.querySelectorAll('button')].find(
    (button) => button.textContent === text || button.getAttribute('aria-label') === text,
  );
  if (!found) throw new Error(`no button ${text}`);
  return found;
};
async function click(text: string) {
  act(() => buttonNamed(text).click());
  await flush();
  await flush();
}

describe('/my: the elder and family phone page (issue 6 items 2 and 7)', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    posts = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as Record<string, unknown>;
        posts.push({ url, body, key: new Headers(init.headers).get('Idempotency-Key') });
        if (url.endsWith('/rating')) return Response.json({ ...RATING, stars: body['stars'], average: 4, count: 1 });
        return Response.json({ ...ORDER, channel: 'sosCall', urgency: 'urgent', status: 'offered', visitId: null });
      }
      if (url === '/api/me/elders')
        return Response.json({
          items: [{ elderId: ELDER_ID, name: '韩琴', idNumberMasked: '3301********4228', relation: 'self' }],
        });
      if (url === `${BASE}/catalogue`) return Response.json({ items: [{ ...ITEM, quote: QUOTE }] });
      if (url === `${BASE}/orders`) return Response.json({ items: [ORDER] });
      throw new Error(`unexpected call ${url}`);
    });
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    act(() =>
      root.render(
        <QueryClientProvider client={queryClient}>
          <I18nProvider>
            <ApiProvider locale="zh-CN">
              <MyPage />
            </ApiProvider>
          </I18nProvider>
        </QueryClientProvider>,
      ),
    );
    for (
      let tries = 0;
      tries < 50 && !(container.querySelector('.my-visit') && container.querySelector('.my-choice'));
      tries++
    )
      await flush();
  }, 30_000);

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    vi.unstubAllGlobals();
  });

  it('shows the linked elder with the ID masked, the price the elder pays and the visits', () => {
    expect(container.querySelector('h1')?.textContent).toContain('韩琴');
    expect(container.textContent).toContain('3301********4228');
    expect(container.textContent).toContain('自付 30.00 元');
    expect(container.textContent).toContain('张阿姨');
  });

  it('calls for help only after the confirm step, with an Idempotency-Key', async () => {
    await click(messagesZhCN['my.urgent']);
    expect(posts).toHaveLength(0);
    expect(container.textContent).toContain(messagesZhCN['my.urgentConfirm']);
    await click(messagesZhCN['my.urgentYes']);
    expect(posts.map((post) => post.url)).toEqual([`${BASE}/urgent`]);
    expect(posts[0]?.key).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(container.textContent).toContain(messagesZhCN['my.urgentSent']);
  });

  it('books a chosen service as soon as possible', async () => {
    await click(`助浴${'自付 30.00 元'}`);
    await click(messagesZhCN['my.book']);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.url).toBe(`${BASE}/orders`);
    expect(posts[0]?.body).toEqual({ serviceItemId: ITEM_ID, scheduledFor: null });
    expect(posts[0]?.key).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  });

  it('rates a completed visit with big star buttons', async () => {
    await click('4 星');
    expect(posts).toEqual([{ url: `${BASE}/visits/${VISIT_ID}/rating`, body: { stars: 4 }, key: null }]);
    expect(container.textContent).toContain(messagesZhCN['my.thanks']);
  });
});
