import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../../shared/api/api-context.tsx';
import { I18nProvider } from '../../../shared/i18n/i18n-context.tsx';
import { messagesZhCN } from '../../../shared/i18n/messages-zh-cn.ts';
import { MealCounterPage } from './meal-counter-page.tsx';

const SITE_ID = '01a18d8a-1802-704b-ae0d-c5716641ce32';
const ELDER_ID = '01a18d8a-1ad8-76fd-8cdf-3421fd040251';
const SITE = {
  id: SITE_ID,
  name: '安柳老年食堂',
  kind: 'canteen',
  regionCode: '330102001010',
  address: null,
  lng: 120.2,
  lat: 30.25,
  serviceRadiusM: 1000,
  openingHours: {},
  mealCapacity: 100,
  offersMeals: true,
  offersDelivery: false,
  providerId: null,
  status: 'open',
  openedOn: null,
};
const reply = (alreadyRedeemed: boolean) => ({
  order: {
    id: '01a20871-cc61-76f5-a8fb-d7a0ada91269',
    siteId: SITE_ID,
    elderId: ELDER_ID,
    mealDate: '2026-11-23',
    meal: 'lunch',
    channel: 'counter',
    delivery: false,
    status: 'redeemed',
    priceFen: 1500,
    subsidyFen: 200,
    payableFen: 1300,
    subsidyBasis: 'everyone',
    redeemedVia: 'card',
    redeemedAt: '2026-11-23T03:46:45.333Z',
  },
  elder: { name: '韩琴', idNumberMasked: '3301********4228', age: 76 },
  alreadyRedeemed,
});

let container: HTMLDivElement;
let root: Root;
let posts: { body: { credential: { kind: string; value: string } }; key: string | null }[];

const flush = () => act(async () => new Promise((done) => setTimeout(done, 0)));
const input = () => {
  const found = document.querySelector<HTMLInputElement>('#meal-credential');
  if (!found) throw new Error('no counter input');
  return found;
};
/** A barcode scanner is a keyboard: it types the code and presses Enter. */
async function scan(value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(input(), value);
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
  act(() => {
    const key = { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true };
    input().dispatchEvent(new KeyboardEvent('keydown', key));
    input().dispatchEvent(new KeyboardEvent('keyup', key));
  });
  await flush();
  await flush();
}

describe('meal counter (HCS-11): scanner-as-keyboard redemption', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    posts = [];
    window.localStorage.setItem('kangyang.mealSite', SITE_ID);
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      if (url.startsWith('/api/meals/sites')) return Response.json({ items: [SITE], total: 1 });
      if (url === '/api/meals/redemptions') {
        posts.push({ body: JSON.parse(String(init.body)), key: new Headers(init.headers).get('Idempotency-Key') });
        return Response.json(reply(posts.length > 1));
      }
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
              <MealCounterPage />
            </ApiProvider>
          </I18nProvider>
        </QueryClientProvider>,
      ),
    );
    await flush();
  }, 30_000);

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    vi.unstubAllGlobals();
    window.localStorage.clear();
  });

  it('sends a scanned card, shows the elder and what to pay, and is ready for the next scan', async () => {
    await scan('MC330102000000');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ siteId: SITE_ID, credential: { kind: 'card', value: 'MC330102000000' } });
    expect(container.querySelector('.meal-result-name')?.textContent).toContain('韩琴');
    expect(container.querySelector('.meal-payable')?.textContent).toContain('13.00');
    expect(input().value).toBe('');
    expect(document.activeElement).toBe(input());
  });

  it('recognises a QR payload and says plainly when the meal was already taken', async () => {
    await scan('MC330102000000');
    await scan(`KY1:E:${ELDER_ID}`);
    expect(posts.map((post) => post.body.credential.kind)).toEqual(['card', 'qr']);
    expect(posts[0]?.key).not.toBe(posts[1]?.key);
    expect(container.textContent).toContain(messagesZhCN['meal.already']);
  });
});
