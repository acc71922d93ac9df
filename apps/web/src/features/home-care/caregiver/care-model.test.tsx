import { describe, expect, it } from 'vitest';
import { SyncAction } from '@kangyang/contracts/home-care';
import {
  checkOutActions,
  checkOutProblem,
  maskAddress,
  progressOf,
  verification,
  type CareTask,
  type QueuedAction,
} from './care-model.ts';

const ORDER = '0b8f5a52-3f2e-4a44-9d7e-1f2a3b4c5d6e';
const VISIT = '019ab000-0000-7000-8000-000000000001';
const TASK: CareTask = {
  orderId: ORDER,
  offer: null,
  visitId: null,
  status: 'assigned',
  elderName: '王秀英',
  elderPhone: '139****0001',
  address: '湖滨街道 东坡路 ** 号',
  home: { lng: 120.17, lat: 30.25 },
  toleranceM: 300,
  serviceName: '助浴',
  serviceNameEn: 'Bathing',
  durationMinutes: 60,
  urgency: 'routine',
  scheduledFor: '2026-11-23T01:30:00.000Z',
  dueAt: '2026-11-23T01:30:00.000Z',
  tasks: [
    { code: 'prepare', label: '准备水温', labelEn: 'Prepare water', outcome: null, note: null, at: null },
    { code: 'bathe', label: '协助洗浴', labelEn: 'Help bathe', outcome: null, note: null, at: null },
  ],
  checkedInAt: null,
  checkedOutAt: null,
  confirmed: false,
  flags: [],
};
const queued = (sequence: number, action: SyncAction): QueuedAction => ({
  clientId: `019ab000-0000-7000-8000-00000000010${sequence}`,
  queuedAt: '2026-11-23T01:31:00.000Z',
  sequence,
  attempts: 0,
  action,
});
const AT = '2026-11-23T01:31:00.000Z';

describe('the phone view of a visit: server state plus unsent actions (HCS-6, REL-6)', () => {
  it('shows a check-in made offline, with the visit id the phone made', () => {
    expect(progressOf(TASK, []).state).toBe('pending');
    const checkIn = queued(1, {
      kind: 'checkIn',
      orderId: ORDER,
      visitId: VISIT,
      at: AT,
      location: { lng: 120.17, lat: 30.25, accuracyM: 20 },
      method: 'gps',
    });
    expect(progressOf(TASK, [checkIn])).toMatchObject({
      state: 'inProgress',
      visitId: VISIT,
      checkedInAt: AT,
      unsent: true,
    });
  });

  it('is done once a check-out is queued, and not unsent once the server has it all', () => {
    const serverSide = { ...TASK, visitId: VISIT, status: 'inProgress' as const, checkedInAt: AT };
    const checkOut = queued(2, {
      kind: 'checkOut',
      visitId: VISIT,
      at: AT,
      method: 'manual',
      manualReason: '地下室无信号',
    });
    expect(progressOf(serverSide, [checkOut])).toMatchObject({ state: 'done', unsent: true });
    expect(progressOf({ ...serverSide, checkedOutAt: AT }, [])).toMatchObject({ state: 'done', unsent: false });
  });

  it('requires an outcome for every task and a confirmation before check-out (HCS-7, HCS-8)', () => {
    const all = new Map([
      ['prepare', 'done' as const],
      ['bathe', 'notDone' as const],
    ]);
    const signature = { method: 'signature' as const, signature: 'data:image/png;base64,AAAA', by: 'elder' as const };
    expect(checkOutProblem(TASK, new Map([['prepare', 'done']]), signature)).toBe('checklist');
    expect(checkOutProblem(TASK, all, null)).toBe('confirmation');
    expect(checkOutProblem(TASK, all, { method: 'code', code: '12', by: 'family' })).toBe('confirmation');
    expect(checkOutProblem(TASK, all, signature)).toBeNull();
  });

  it('turns a check-out into actions the server schema accepts, in the order it applies them', () => {
    const actions = checkOutActions({
      visitId: VISIT,
      at: AT,
      newOutcomes: [
        ['prepare', 'done'],
        ['bathe', 'notDone'],
      ],
      notes: ' 老人精神好 ',
      confirmation: { method: 'code', code: '482913', by: 'family' },
      location: null,
      fallback: { code: null, manualReason: '地下室无信号' },
    });
    expect(actions.map((action) => action.kind)).toEqual(['task', 'task', 'note', 'confirm', 'checkOut']);
    expect(actions[1]).toMatchObject({ kind: 'task', taskCode: 'bathe', outcome: 'notDone' });
    for (const action of actions) expect(SyncAction.safeParse(action).success, action.kind).toBe(true);
    expect(actions.at(-1)).toMatchObject({ method: 'manual', manualReason: '地下室无信号' });
    expect(actions.at(-2)).toMatchObject({ kind: 'confirm', method: 'code', by: 'family', code: '482913' });
  });

  it('masks building, unit and room on the list', () => {
    expect(maskAddress('春星社区江城路276号29幢4单元1504室')).toBe('春星社区江城路276号 **');
    expect(maskAddress('湖滨街道东坡路')).toBe('湖滨街道东坡路');
  });

  it('verifies by GPS, else by the elder code, else by a reason (HCS-6)', () => {
    const fix = { lng: 120.17, lat: 30.25, accuracyM: 20 };
    expect(verification(fix, null)).toMatchObject({ method: 'gps', location: fix });
    expect(verification(null, { code: '482913', manualReason: null })).toMatchObject({
      method: 'elderCode',
      code: '482913',
    });
    expect(verification(null, { code: null, manualReason: '室内无信号' })).toMatchObject({
      method: 'manual',
      manualReason: '室内无信号',
    });
    const checkIn = {
      kind: 'checkIn',
      orderId: ORDER,
      visitId: VISIT,
      at: AT,
      ...verification(null, { code: '482913', manualReason: null }),
    };
    expect(SyncAction.safeParse(checkIn).success).toBe(true);
  });
});
