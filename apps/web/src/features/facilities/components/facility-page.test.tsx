import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FacilityDetail } from '@kangyang/contracts/facilities';
import type { Permission } from '@kangyang/domain/access';
import { I18nProvider } from '../../../shared/i18n/i18n-context.tsx';
import { messagesZhCN } from '../../../shared/i18n/messages-zh-cn.ts';
import { SessionContext, type Session } from '../../../shared/session-context.ts';
import { FacilityView } from './facility-page.tsx';

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

const attributes = {
  version: 2,
  bedsTotal: 120,
  nursingBeds: 70,
  occupiedBeds: 80,
  bedsSource: 'declared' as const,
  ownership: 'public' as const,
  mealDeliveryVehicles: null,
  document: '杭民发〔2026〕1号',
  note: null,
  changedBy: '区民政局',
  changedAt: '2026-03-05T02:00:00.000Z',
};
const designation = {
  id: '01900000-0000-7000-8000-000000000001',
  siteId: '01900000-0000-7000-8000-000000000009',
  regionCode: '330102002001',
  designation: 'smartCareHome',
  designatedOn: '2026-01-10',
  authority: '杭州市民政局',
  document: '杭民函〔2026〕1号',
  note: null,
  grantedBy: '区民政局',
  grantedAt: '2026-01-10T02:00:00.000Z',
  revocation: null,
};
const facility: FacilityDetail = {
  id: '01900000-0000-7000-8000-000000000009',
  name: '清波颐养院',
  kind: 'institution',
  regionCode: '330102002001',
  address: '清波街 1 号',
  status: 'open',
  attributes,
  designations: ['smartCareHome'],
  lng: 120.17,
  lat: 30.25,
  openedOn: '2020-01-01',
  history: [attributes, { ...attributes, version: 1, bedsTotal: 100 }],
  designationHistory: [
    designation,
    {
      ...designation,
      id: '01900000-0000-7000-8000-000000000002',
      designation: 'medicalCareDemoInstitution',
      revocation: {
        revokedOn: '2026-03-01',
        reason: '复核不达标',
        document: null,
        revokedBy: '区民政局',
        revokedAt: '2026-03-01T02:00:00.000Z',
      },
    },
  ],
};

const render = (permissions: readonly Permission[]) => {
  const session = { me: {}, can: (permission: Permission) => permissions.includes(permission) } as unknown as Session;
  act(() =>
    root.render(
      <MemoryRouter>
        <I18nProvider>
          <SessionContext.Provider value={session}>
            <FacilityView facility={facility} />
          </SessionContext.Provider>
        </I18nProvider>
      </MemoryRouter>,
    ),
  );
};

describe('the facility page (issue 7: click-through from the map)', () => {
  it('shows beds, occupancy 80 / 120 = 66.7 %, designations in force and revoked ones with their reason', () => {
    render(['dashboard:read']);
    const text = container.textContent ?? '';
    expect(text).toContain('清波颐养院');
    expect(text).toContain(messagesZhCN['facility.bedsTotal']);
    expect(text).toContain('66.7%');
    expect(text).toContain(messagesZhCN['designation.smartCareHome']);
    expect(text).toContain('复核不达标');
    expect(text).toContain('100 / 70 / 80');
    expect(text).not.toContain(messagesZhCN['facility.edit']);
  });

  it('offers editing, new designations and revocation to civil affairs (facility:write) only', () => {
    render(['dashboard:read', 'facility:write']);
    const buttons = [...container.querySelectorAll('button')].map((button) => button.textContent ?? '');
    expect(buttons.some((label) => label.includes(messagesZhCN['facility.edit']))).toBe(true);
    expect(buttons.some((label) => label.includes(messagesZhCN['facility.designate']))).toBe(true);
    // one designation in force can be revoked; the revoked one cannot
    expect(buttons.filter((label) => label.includes(messagesZhCN['facility.revoke']))).toHaveLength(1);
  });
});
