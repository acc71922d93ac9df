import { beforeEach, describe, expect, it } from 'vitest';
import { deviceId, newClientId, OfflineQueue, type ItemOutcome, type Queued } from './offline-queue.ts';

type Action = { kind: 'checkIn' | 'checkOut'; visitId: string };

/** A receiving end that behaves as REL-6 asks: upsert by client id, a replay is a duplicate. */
function dedupingReceiver() {
  const stored = new Map<string, Action>();
  let calls = 0;
  const send = async (batch: Queued<Action>[]): Promise<ItemOutcome[]> => {
    calls += 1;
    return batch.map((item) => {
      if (stored.has(item.clientId)) return { clientId: item.clientId, status: 'duplicate' };
      stored.set(item.clientId, item.action);
      return { clientId: item.clientId, status: 'applied' };
    });
  };
  return { stored, send, calls: () => calls };
}

const networkDown = async (): Promise<ItemOutcome[]> => {
  throw Object.assign(new Error('offline'), { status: 0, code: 'NETWORK' });
};

describe('caregiver outbox (HCS-6, REL-6): queue, replay, dedupe', () => {
  let clock: Date;
  const newQueue = () => new OfflineQueue<Action>(window.localStorage, 'test.outbox', () => clock);

  beforeEach(() => {
    window.localStorage.clear();
    clock = new Date('2026-11-23T02:00:00Z');
  });

  it('makes time-ordered UUIDv7 client ids and one device id per browser', () => {
    const first = newClientId(Date.parse('2026-11-23T02:00:00Z'));
    const later = newClientId(Date.parse('2026-11-23T02:00:01Z'));
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first < later).toBe(true);
    expect(deviceId(window.localStorage)).toBe(deviceId(window.localStorage));
  });

  it('keeps actions across a restart, in order, with sequence numbers; a double tap is stored once', () => {
    const queue = newQueue();
    const id = queue.enqueue({ kind: 'checkIn', visitId: 'v1' });
    queue.enqueue({ kind: 'checkIn', visitId: 'v1' }, id);
    queue.enqueue({ kind: 'checkOut', visitId: 'v1' });
    const reopened = newQueue();
    expect(reopened.items().map((item) => [item.action.kind, item.sequence])).toEqual([
      ['checkIn', 1],
      ['checkOut', 2],
    ]);
    expect(reopened.getState().pending).toBe(2);
  });

  it('keeps everything when the line is down and sends the same client ids again later', async () => {
    const queue = newQueue();
    queue.enqueue({ kind: 'checkIn', visitId: 'v1' });
    const ids = queue.items().map((item) => item.clientId);
    expect(await queue.flush(networkDown)).toBe('failed');
    expect(await queue.flush(networkDown)).toBe('failed');
    expect(queue.getState()).toMatchObject({ pending: 1, lastError: 'network', lastSyncedAt: null });
    expect(queue.items()[0]?.attempts).toBe(2);

    const receiver = dedupingReceiver();
    clock = new Date('2026-11-23T02:05:00Z');
    expect(await queue.flush(receiver.send)).toBe('synced');
    expect([...receiver.stored.keys()]).toEqual(ids);
    expect(queue.getState()).toMatchObject({ pending: 0, lastError: null, lastSyncedAt: '2026-11-23T02:05:00.000Z' });
    expect(await queue.flush(receiver.send)).toBe('empty');
  });

  it('replaying the same batch three times (answers lost) records each action once', async () => {
    const receiver = dedupingReceiver();
    const lostAnswer = async (batch: Queued<Action>[]) => {
      await receiver.send(batch);
      throw Object.assign(new Error('timeout'), { status: 0, code: 'NETWORK' });
    };
    const queue = newQueue();
    queue.enqueue({ kind: 'checkIn', visitId: 'v1' });
    queue.enqueue({ kind: 'checkOut', visitId: 'v1' });
    expect(await queue.flush(lostAnswer)).toBe('failed');
    expect(await queue.flush(lostAnswer)).toBe('failed');
    expect(await queue.flush(receiver.send)).toBe('synced');
    expect(receiver.calls()).toBe(3);
    expect(receiver.stored.size).toBe(2);
    expect(queue.getState().pending).toBe(0);
  });

  it('moves refused actions aside with their message and stops sending them', async () => {
    const queue = newQueue();
    const refused = queue.enqueue({ kind: 'checkOut', visitId: 'v9' });
    queue.enqueue({ kind: 'checkIn', visitId: 'v1' });
    const answer = async (batch: Queued<Action>[]): Promise<ItemOutcome[]> =>
      batch.map((item) =>
        item.clientId === refused
          ? { clientId: item.clientId, status: 'rejected', message: '尚未签到' }
          : { clientId: item.clientId, status: 'applied' },
      );
    await queue.flush(answer);
    expect(queue.getState().pending).toBe(0);
    expect(queue.getState().rejected).toEqual([{ clientId: refused, message: '尚未签到' }]);
    queue.dismissRejected();
    expect(queue.getState().rejected).toEqual([]);
  });

  it('sends one batch at a time and keeps what was queued while it was in flight', async () => {
    const queue = newQueue();
    queue.enqueue({ kind: 'checkIn', visitId: 'v1' });
    const receiver = dedupingReceiver();
    let release: () => void = () => undefined;
    const slow = (batch: Queued<Action>[]) =>
      new Promise<ItemOutcome[]>((done) => {
        release = () => void receiver.send(batch).then(done);
      });
    const inFlight = queue.flush(slow);
    expect(queue.getState().syncing).toBe(true);
    expect(await queue.flush(receiver.send)).toBe('busy');
    queue.enqueue({ kind: 'checkOut', visitId: 'v1' });
    release();
    expect(await inFlight).toBe('synced');
    expect(queue.items().map((item) => item.action.kind)).toEqual(['checkOut']);
    expect(receiver.stored.size).toBe(1);
  });

  it('notifies subscribers with a new snapshot on every change', () => {
    const queue = newQueue();
    const seen: number[] = [];
    const stop = queue.subscribe(() => seen.push(queue.getState().pending));
    queue.enqueue({ kind: 'checkIn', visitId: 'v1' });
    queue.enqueue({ kind: 'checkOut', visitId: 'v1' });
    stop();
    queue.enqueue({ kind: 'checkIn', visitId: 'v2' });
    expect(seen).toEqual([1, 2]);
  });
});
