import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IndicatorRecords } from '@kangyang/contracts/indicator-records';
import { I18nProvider } from '../../../shared/i18n/i18n-context.tsx';
import { messagesZhCN } from '../../../shared/i18n/messages-zh-cn.ts';
import { RecordsPage, recordsDescriptorFor } from './indicator-records.tsx';

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
});

const render = (node: ReactNode) =>
  act(() =>
    root.render(
      <MemoryRouter>
        <I18nProvider>{node}</I18nProvider>
      </MemoryRouter>,
    ),
  );

const page: IndicatorRecords = {
  indicatorId: '001-17',
  regionCode: '330102002',
  kind: 'elder',
  set: 'counted',
  sets: ['counted'],
  columns: ['name', 'region', 'age', 'startDate'],
  asOf: '2026-03-05',
  masked: true,
  items: [
    { id: 'e1', values: { name: '张**', region: '一社区', age: 82, startDate: '2025-06-01' } },
    { id: 'e2', values: { name: '李*', region: '一社区', age: null, startDate: '2025-07-01' } },
  ],
  total: 23,
  page: 1,
  pageSize: 20,
};

describe('KPI-3 records tab', () => {
  it('shows only to users holding the descriptor permission, never for reported figures', () => {
    const beds = { source: 'computed' as const, formula: 'homeCareBedCount' as const };
    expect(recordsDescriptorFor(beds, (permission) => permission === 'elder:read')?.kind).toBe('elder');
    expect(recordsDescriptorFor(beds, (permission) => permission === 'dashboard:read')).toBeUndefined();
    const canteens = { source: 'computed' as const, formula: 'canteenCount' as const };
    expect(recordsDescriptorFor(canteens, (permission) => permission === 'dashboard:read')?.kind).toBe('site');
    expect(recordsDescriptorFor({ ...beds, source: 'reported' }, () => true)).toBeUndefined();
  });

  it('renders masked rows with zh-CN column names, the as-of summary, paging and a link to the record', () => {
    render(<RecordsPage data={page} page={1} onPage={() => undefined} />);
    // antd draws the header of a horizontally scrolling table twice (sticky copy)
    const headers = [...new Set([...container.querySelectorAll('th')].map((cell) => cell.textContent))];
    expect(headers).toEqual([
      messagesZhCN['records.col.name'],
      messagesZhCN['records.col.region'],
      messagesZhCN['records.col.age'],
      messagesZhCN['records.col.startDate'],
      messagesZhCN['indicator.actions'],
    ]);
    const cells = [...container.querySelectorAll('tbody tr.ant-table-row')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent),
    );
    expect(cells[0]?.slice(0, 3)).toEqual(['张**', '一社区', '82']);
    expect(cells[1]?.[2]).toBe('—');
    expect(container.querySelector('a[href="/elders/e1"]')?.textContent).toBe(messagesZhCN['records.open']);
    expect(container.textContent).toContain('统计日 2026-03-05，共 23 条');
    expect(container.querySelectorAll('.ant-pagination-item')).toHaveLength(2);
  });
});
