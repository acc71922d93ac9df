import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IndicatorItemDto, IndicatorStatus } from '@kangyang/contracts/indicators';
import { I18nProvider } from '../../../shared/i18n/i18n-context.tsx';
import { messagesEnUS } from '../../../shared/i18n/messages-en-us.ts';
import { messagesZhCN } from '../../../shared/i18n/messages-zh-cn.ts';
import { IndicatorTable } from './indicator-table.tsx';
import { StatusTag } from './status-tag.tsx';

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  window.localStorage.clear();
});

const render = (node: ReactNode) => act(() => root.render(<I18nProvider>{node}</I18nProvider>));

const STATUSES: readonly (IndicatorStatus | null)[] = ['met', 'on_track', 'at_risk', 'missed', null];

describe('indicator status tags (KPI-2): colour, icon and words, never colour alone', () => {
  it('names each status in zh-CN with its own icon and colour', () => {
    render(
      <>
        {STATUSES.map((status) => (
          <StatusTag key={status ?? 'missing'} status={status} />
        ))}
      </>,
    );
    const tags = [...container.querySelectorAll<HTMLElement>('.status-tag')];
    expect(tags.map((tag) => tag.dataset['status'])).toEqual(['met', 'on_track', 'at_risk', 'missed', 'missing']);
    expect(tags.map((tag) => tag.textContent)).toEqual([
      messagesZhCN['indicatorStatus.met'],
      messagesZhCN['indicatorStatus.on_track'],
      messagesZhCN['indicatorStatus.at_risk'],
      messagesZhCN['indicatorStatus.missed'],
      messagesZhCN['indicatorStatus.missing'],
    ]);
    const icons = tags.map((tag) => tag.querySelector('.anticon')?.getAttribute('aria-label'));
    expect(new Set(icons).size).toBe(5);
    expect(icons.every((icon) => typeof icon === 'string' && icon.length > 0)).toBe(true);
    const colours = tags.map((tag) => [...tag.classList].find((name) => name.startsWith('ant-tag-')) ?? 'default');
    expect(new Set(colours).size).toBe(5);
  }, 30_000);

  it('speaks en-US when chosen', () => {
    window.localStorage.setItem('kangyang.locale', 'en-US');
    render(<StatusTag status="at_risk" />);
    expect(container.textContent).toBe(messagesEnUS['indicatorStatus.at_risk']);
  });
});

const base: IndicatorItemDto = {
  id: '001-4',
  profileId: '001',
  name: { zh: '护理型床位占比', en: 'Share of nursing beds' },
  formula: 'nursingBedShare',
  formulaText: { zh: '护理型床位数 ÷ 养老机构床位总数', en: 'nursing beds ÷ all institution beds' },
  unit: 'basisPoints',
  source: 'computed',
  target: {
    op: '>=',
    value: 5500,
    max: null,
    unit: 'basisPoints',
    year: 2025,
    recurrence: null,
    part: null,
    note: null,
  },
  targets: [],
  deadline: 2025,
  regionCode: '330102',
  value: 5800,
  numerator: 58,
  denominator: 100,
  status: 'met',
  missingSource: null,
  period: '2026-10',
  lastRefreshedAt: '2026-11-23T02:00:00.000Z',
};

describe('the indicator table (KPI-1, KPI-10)', () => {
  it('shows value, target, deadline, status and the formula in words, and says plainly when the source is missing', () => {
    const missing: IndicatorItemDto = {
      ...base,
      id: '001-9',
      value: null,
      numerator: null,
      denominator: null,
      status: null,
      missingSource: { records: ['facilities'], text: { zh: '尚无养老机构床位记录', en: 'No facility beds yet' } },
    };
    render(<IndicatorTable items={[base, missing]} onDrill={() => undefined} />);
    const rows = [...container.querySelectorAll('tbody tr.ant-table-row')];
    expect(rows).toHaveLength(2);
    const first = rows[0]?.textContent ?? '';
    expect(first).toContain('58%');
    expect(first).toContain('≥ 55%');
    expect(first).toContain('2025');
    expect(first).toContain(messagesZhCN['indicatorStatus.met']);
    expect(first).toContain('护理型床位数 ÷ 养老机构床位总数');
    const second = rows[1]?.textContent ?? '';
    expect(rows[1]?.querySelector('.status-tag')?.textContent).toBe(messagesZhCN['indicator.missingSource']);
    expect(second).toContain('尚无养老机构床位记录');
    expect(rows[1]?.querySelector('[data-status="missing"]')).not.toBeNull();
  }, 30_000);
});
