import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OrderCreateBody, type ServiceItemDto } from '@kangyang/contracts/home-care';
import { ApiProvider } from '../../../shared/api/api-context.tsx';
import { I18nProvider } from '../../../shared/i18n/i18n-context.tsx';
import { messagesZhCN } from '../../../shared/i18n/messages-zh-cn.ts';
import { EMPTY_INTAKE, intakeErrors, toOrderBody, type IntakeValues } from './intake-values.ts';
import { IntakeForm } from './intake-page.tsx';

const NOW = new Date('2026-11-23T02:00:00Z');
const ELDER_ID = '0b8f5a52-3f2e-4a44-9d7e-1f2a3b4c5d6e';
const SERVICE: ServiceItemDto = {
  id: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
  code: 'HC-BATH',
  name: '助浴',
  nameEn: 'Bathing',
  category: 'bathing',
  setting: 'home',
  durationMinutes: 60,
  priceFen: 8000,
  requiredSkillLevel: null,
  requiredCertificates: [],
  tasks: [],
  active: true,
};
const ELDER = {
  id: ELDER_ID,
  name: '王秀英',
  idNumber: '3301********1234',
  birthDate: '1940-03-02',
  age: 86,
  sex: 'female',
  phone: '139****0001',
  residenceRegionCode: '330102001001',
  livingSituation: 'alone',
  categories: [],
  status: 'active',
};

describe('intake values (HCS-3): what the form checks before sending', () => {
  const valid: IntakeValues = { ...EMPTY_INTAKE, elderId: ELDER_ID, serviceItemId: SERVICE.id };

  it('names each missing or wrong field, in form order', () => {
    expect(intakeErrors(EMPTY_INTAKE, NOW).map((error) => error.problem)).toEqual(['elderRequired', 'serviceRequired']);
    const scheduled = { ...valid, when: 'scheduled' as const };
    expect(intakeErrors(scheduled, NOW)).toEqual([{ field: 'scheduledAt', problem: 'timeRequired' }]);
    expect(intakeErrors({ ...scheduled, scheduledAt: 'tomorrow' }, NOW)[0]?.problem).toBe('timeInvalid');
    expect(intakeErrors({ ...scheduled, scheduledAt: '2026-11-20T09:00' }, NOW)[0]?.problem).toBe('timePast');
    expect(intakeErrors({ ...scheduled, scheduledAt: '2027-01-30T09:00' }, NOW)[0]?.problem).toBe('timeTooFar');
    expect(intakeErrors({ ...valid, notes: 'x'.repeat(501) }, NOW)).toEqual([
      { field: 'notes', problem: 'notesTooLong' },
    ]);
    expect(intakeErrors(valid, NOW)).toEqual([]);
  });

  it('builds a phone-channel order body that the server schema accepts', () => {
    const body = toOrderBody({ ...valid, when: 'scheduled', scheduledAt: '2026-11-24T09:30', notes: '  门口有台阶 ' });
    const parsed = OrderCreateBody.parse(body);
    expect(parsed).toMatchObject({
      elderId: ELDER_ID,
      serviceItemId: SERVICE.id,
      channel: 'phone',
      notes: '门口有台阶',
    });
    expect(parsed.scheduledFor).toBe(new Date('2026-11-24T09:30').toISOString());
    expect(toOrderBody(valid).scheduledFor).toBeNull();
  });
});

let container: HTMLDivElement;
let root: Root;
type Call = { url: string; method: string; key: string | null; body: unknown };
let calls: Call[];
let orderReply: () => Promise<Response>;

const flush = () => act(async () => new Promise((done) => setTimeout(done, 0)));
const q = <T extends Element = HTMLElement>(selector: string) => {
  const found = document.querySelector<T & Element>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found as T;
};
function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const pressEnter = (element: Element) =>
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true }));
  });
const submit = () => act(() => q<HTMLFormElement>('.intake-form').requestSubmit());
const alerts = () => [...container.querySelectorAll('[role=alert]')].map((node) => node.textContent);

async function chooseElderAndService() {
  type(q<HTMLInputElement>('#intake-lookup'), '13900000001');
  pressEnter(q('#intake-lookup'));
  await flush();
  act(() => {
    q('.intake-service .ant-select-selector').dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  });
  await flush();
  act(() => q('.ant-select-item-option').click());
  await flush();
}

describe('intake form (HCS-3): keyboard entry, validation, one order per form', { timeout: 30_000 }, () => {
  beforeEach(() => {
    calls = [];
    orderReply = () => Promise.reject(new TypeError('network down'));
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      calls.push({
        url,
        method: init.method ?? 'GET',
        key: headers.get('Idempotency-Key'),
        body: init.body ? JSON.parse(String(init.body)) : undefined,
      });
      if (url === '/api/elders/search') return Response.json({ items: [ELDER], total: 1 });
      if (url.startsWith('/api/home-care/quote'))
        return Response.json({ error: { code: 'NOT_FOUND', message: '' } }, { status: 404 });
      if (url === '/api/home-care/orders') return orderReply();
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
              <IntakeForm catalogue={[SERVICE]} onCreated={() => undefined} />
            </ApiProvider>
          </I18nProvider>
        </QueryClientProvider>,
      ),
    );
  }, 30_000);

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    vi.unstubAllGlobals();
    window.localStorage.clear();
  });

  it('submitting an empty form sends nothing, marks the elder and the service, and focuses the lookup', async () => {
    submit();
    await flush();
    expect(alerts()).toEqual([
      messagesZhCN['intake.error.elderRequired'],
      messagesZhCN['intake.error.serviceRequired'],
    ]);
    expect(document.activeElement?.id).toBe('intake-lookup');
    pressEnter(q('#intake-lookup'));
    await flush();
    expect(alerts()).toContain(messagesZhCN['intake.lookupEmpty']);
    expect(calls.filter((call) => call.method === 'POST' && call.url === '/api/home-care/orders')).toEqual([]);
  });

  it('finds the elder by phone in a POST body, never in the URL (ENC-4), and takes a single match', async () => {
    await chooseElderAndService();
    const search = calls.find((call) => call.url === '/api/elders/search');
    expect(search).toMatchObject({ method: 'POST', body: { phone: '13900000001' } });
    expect(calls.some((call) => call.url.includes('13900000001'))).toBe(false);
    expect(q('.intake-chosen__name').textContent).toBe('王秀英');
  });

  it('a retry after a lost answer reuses the key; an answered refusal gets a new one', async () => {
    await chooseElderAndService();
    submit();
    await flush();
    submit();
    await flush();
    orderReply = async () => Response.json({ error: { code: 'VALIDATION', message: '服务暂停' } }, { status: 400 });
    submit();
    await flush();
    submit();
    await flush();
    const posts = calls.filter((call) => call.url === '/api/home-care/orders');
    expect(posts).toHaveLength(4);
    expect(posts[0]?.body).toMatchObject({ elderId: ELDER_ID, serviceItemId: SERVICE.id, channel: 'phone' });
    const keys = posts.map((call) => call.key);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBe(keys[0]);
    expect(keys[3]).not.toBe(keys[0]);
    expect(alerts()).toContain('服务暂停');
  });

  it('a double Enter while the first answer is on its way makes one request', async () => {
    await chooseElderAndService();
    let release: () => void = () => undefined;
    orderReply = () => new Promise((_, reject) => (release = () => reject(new TypeError('network down'))));
    submit();
    await flush();
    submit();
    await flush();
    expect(calls.filter((call) => call.url === '/api/home-care/orders')).toHaveLength(1);
    release();
    await flush();
  });
});
