import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CarePlanCreateBody } from '@kangyang/contracts/care-plans';
import type { ProviderDto, ServiceItemDto } from '@kangyang/contracts/home-care';
import { ApiProvider } from '../../../shared/api/api-context.tsx';
import { I18nProvider } from '../../../shared/i18n/i18n-context.tsx';
import { messagesZhCN } from '../../../shared/i18n/messages-zh-cn.ts';
import { CarePlanForm } from './care-plan-form.tsx';
import { carePlanErrors, emptyCarePlan, formFieldOf, timeWindowOf, toCarePlanBody } from './care-plan-values.ts';

const TODAY = '2026-11-23';
const ELDER_ID = '0b8f5a52-3f2e-4a44-9d7e-1f2a3b4c5d6e';
const SERVICE: ServiceItemDto = {
  id: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
  code: 'HC-BATH',
  name: '助浴',
  nameEn: 'Bathing',
  category: 'bathing',
  setting: 'home',
  durationMinutes: 90,
  priceFen: 8000,
  requiredSkillLevel: null,
  requiredCertificates: [],
  tasks: [],
  active: true,
};
const PROVIDER: ProviderDto = {
  id: '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a',
  name: '湖滨居家服务中心',
  regionCode: '330102002',
  serviceAreas: ['330102002'],
  phone: null,
  categories: ['bathing'],
  rating: 4.5,
  ratingCount: 12,
  workerCount: 8,
  active: true,
};

describe('care-plan values (HCS-3): what the form checks before sending', () => {
  const valid = { ...emptyCarePlan(TODAY), serviceItemId: SERVICE.id, weekdays: [3, 1] };

  it('names each missing or wrong field, in form order', () => {
    expect(carePlanErrors(emptyCarePlan(TODAY))).toEqual([
      { field: 'serviceItemId', problem: 'serviceRequired' },
      { field: 'weekdays', problem: 'weekdaysRequired' },
    ]);
    expect(carePlanErrors({ ...valid, timeOfDay: '' })).toEqual([{ field: 'timeOfDay', problem: 'timeRequired' }]);
    expect(carePlanErrors({ ...valid, timeOfDay: '24:10' })[0]?.problem).toBe('timeInvalid');
    expect(carePlanErrors({ ...valid, startDate: '' })[0]?.problem).toBe('startRequired');
    expect(carePlanErrors({ ...valid, startDate: '2026-02-30' })[0]?.problem).toBe('dateInvalid');
    expect(carePlanErrors({ ...valid, endDate: '2026-11-22' })).toEqual([
      { field: 'endDate', problem: 'endBeforeStart' },
    ]);
    expect(carePlanErrors({ ...valid, notes: 'x'.repeat(501) })).toEqual([{ field: 'notes', problem: 'notesTooLong' }]);
    expect(carePlanErrors({ ...valid, endDate: TODAY })).toEqual([]);
  });

  it('builds a body the server schema accepts: weekdays sorted once, empty end and notes as null', () => {
    const body = toCarePlanBody(ELDER_ID, { ...valid, weekdays: [5, 1, 5], notes: '  先电话联系 ' });
    expect(CarePlanCreateBody.parse(body)).toEqual({
      elderId: ELDER_ID,
      serviceItemId: SERVICE.id,
      providerId: null,
      weekdays: [1, 5],
      timeOfDay: '09:00',
      startDate: TODAY,
      endDate: null,
      notes: '先电话联系',
    });
  });

  it('maps server field paths to form fields, and shows the visit window', () => {
    expect(formFieldOf('weekdays[1]')).toBe('weekdays');
    expect(formFieldOf('endDate')).toBe('endDate');
    expect(formFieldOf('elderId')).toBeNull();
    expect(formFieldOf(undefined)).toBeNull();
    expect(timeWindowOf('09:00', 90)).toBe('09:00–10:30');
    expect(timeWindowOf('23:30', 60)).toBe('23:30–00:30');
  });
});

let container: HTMLDivElement;
let root: Root;
type Call = { url: string; method: string; key: string | null; body: unknown };
let calls: Call[];
let reply: () => Promise<Response>;
let created: unknown[];

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
const submit = () => act(() => q<HTMLFormElement>('.care-plan-form').requestSubmit());
const errorOf = (field: string) => document.querySelector(`#care-plan-${field}-error`)?.textContent ?? null;
const posts = () => calls.filter((call) => call.method === 'POST');

async function chooseServiceAndDays() {
  act(() => {
    q('.care-plan-service .ant-select-selector').dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  });
  await flush();
  act(() => q('.ant-select-item-option').click());
  await flush();
  const days = document.querySelectorAll<HTMLInputElement>('.care-plan-weekdays input');
  // Monday and Thursday
  for (const index of [0, 3]) act(() => days[index]?.click());
  await flush();
}

describe('care-plan form (HCS-3): checks, one plan per form, server errors on their field', { timeout: 30_000 }, () => {
  beforeEach(() => {
    calls = [];
    created = [];
    reply = () => Promise.reject(new TypeError('network down'));
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      calls.push({
        url,
        method: init.method ?? 'GET',
        key: headers.get('Idempotency-Key'),
        body: init.body ? JSON.parse(String(init.body)) : undefined,
      });
      if (url === '/api/home-care/care-plans') return reply();
      if (url.startsWith('/api/home-care/orders')) return Response.json({ items: [], total: 0 });
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
              <CarePlanForm
                elderId={ELDER_ID}
                today={TODAY}
                catalogue={[SERVICE]}
                providers={[PROVIDER]}
                onCreated={(plan) => created.push(plan)}
              />
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
  });

  it('an empty form sends nothing, marks the service and the weekdays, and focuses the service', async () => {
    submit();
    await flush();
    expect(errorOf('serviceItemId')).toBe(messagesZhCN['carePlans.error.serviceRequired']);
    expect(errorOf('weekdays')).toBe(messagesZhCN['carePlans.error.weekdaysRequired']);
    expect(errorOf('endDate')).toBeNull();
    expect(document.activeElement?.id).toBe('care-plan-service');
    expect(posts()).toEqual([]);
  });

  it('an end date before the start is refused under the end date, before anything is sent', async () => {
    await chooseServiceAndDays();
    type(q<HTMLInputElement>('#care-plan-end'), '2026-11-20');
    submit();
    await flush();
    expect(errorOf('endDate')).toBe(messagesZhCN['carePlans.error.endBeforeStart']);
    expect(errorOf('serviceItemId')).toBeNull();
    expect(document.activeElement?.id).toBe('care-plan-end');
    expect(posts()).toEqual([]);
  });

  it('shows the window of the chosen service and sends the plan with an Idempotency-Key', async () => {
    await chooseServiceAndDays();
    expect(container.textContent).toContain('09:00–10:30');
    submit();
    await flush();
    const [post] = posts();
    expect(post?.body).toMatchObject({ elderId: ELDER_ID, serviceItemId: SERVICE.id, weekdays: [1, 4] });
    expect(post?.key).toMatch(/^[0-9a-f]{32}$/);
  });

  it("puts the server's field error under that field, and a fieldless one above the buttons", async () => {
    await chooseServiceAndDays();
    reply = async () =>
      Response.json(
        { error: { code: 'VALIDATION_FAILED', field: 'weekdays[1]', message: '服务日重复' } },
        { status: 400 },
      );
    submit();
    await flush();
    expect(errorOf('weekdays')).toBe('服务日重复');
    expect(errorOf('serviceItemId')).toBeNull();
    reply = async () =>
      Response.json(
        { error: { code: 'VALIDATION_FAILED', field: 'elderId', message: '老人已不在册' } },
        { status: 400 },
      );
    submit();
    await flush();
    expect(errorOf('weekdays')).toBeNull();
    expect(q('.care-plan-form > .ant-alert').textContent).toContain('老人已不在册');
    const keys = posts().map((call) => call.key);
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
    expect(created).toEqual([]);
  });
});
