import { describe, expect, it } from 'vitest';
import { clearDraft, draftKey, readDraft, writeDraft, type DeviceDraft } from './draft-store.ts';

/** A real in-memory Storage (the Web Storage contract: strings in, strings out). */
function memoryStore() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, String(value)),
    removeItem: (key: string) => void map.delete(key),
  };
}

const draft: DeviceDraft = {
  taskId: 'task-1',
  baseVersion: 3,
  answers: { 'selfCare.eating': 4, 'selfCare.bathing': 2 },
  supporting: { riskEvents: { fall: 2 }, diseases: ['dementia'], medicines: [], healthProblems: { coma: false } },
  changedAt: '2026-11-23T10:00:00.000Z',
};

describe('the device draft of an assessment (ASM-4 offline draft)', () => {
  it('round-trips a draft keyed by task id and clears it', () => {
    const store = memoryStore();
    expect(writeDraft(draft, store)).toBe(true);
    expect([...store.map.keys()]).toEqual([draftKey('task-1')]);
    expect(readDraft('task-1', store)).toEqual(draft);
    expect(readDraft('task-2', store)).toBeUndefined();
    clearDraft('task-1', store);
    expect(readDraft('task-1', store)).toBeUndefined();
  });

  it('ignores broken or foreign content instead of failing the form', () => {
    const store = memoryStore();
    store.setItem(draftKey('task-1'), '{not json');
    expect(readDraft('task-1', store)).toBeUndefined();
    store.setItem(draftKey('task-1'), JSON.stringify({ ...draft, taskId: 'other' }));
    expect(readDraft('task-1', store)).toBeUndefined();
    store.setItem(draftKey('task-1'), JSON.stringify({ ...draft, answers: { a: 'x', b: 1.5, c: 2 } }));
    expect(readDraft('task-1', store)?.answers).toEqual({ c: 2 });
  });

  it('reports a device that refuses to store', () => {
    const full = {
      ...memoryStore(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(writeDraft(draft, full)).toBe(false);
    expect(writeDraft(draft, undefined)).toBe(false);
  });
});
