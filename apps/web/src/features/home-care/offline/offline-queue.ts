/**
 * The caregiver's offline outbox (HCS-6): every visit action is stored on the phone first, with a
 * client-generated id, and sent later in one sync batch. The server dedupes by that id, so a batch
 * sent again after a lost answer (or three times) records each action once.
 */

/** Where the outbox lives: localStorage in the browser, a map in tests. */
export type QueueStorage = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
};

/** One stored action: its client id, the device's time and sequence number (REL-6), sends so far. */
export type Queued<T> = { clientId: string; queuedAt: string; sequence: number; attempts: number; action: T };

/** The server's word on one action: stored now, stored before (a replay), or refused for good. */
export type ItemOutcome = { clientId: string; status: 'applied' | 'duplicate' | 'rejected'; message?: string };

export type SyncState = {
  pending: number;
  /** Refused actions kept to show the caregiver (they are not sent again). */
  rejected: readonly { clientId: string; message: string }[];
  lastSyncedAt: string | null;
  syncing: boolean;
  lastError: 'network' | 'server' | null;
};

type Stored<T> = {
  items: Queued<T>[];
  rejected: { clientId: string; message: string }[];
  lastSyncedAt: string | null;
  sequence: number;
};

/**
 * A UUIDv7 (REL-6): 48 bits of milliseconds then random bits, so ids sort by creation time.
 * getRandomValues works on plain http too, where crypto.randomUUID is missing.
 */
export function newClientId(now: number = Date.now()): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  for (let index = 0; index < 6; index += 1) bytes[index] = Math.floor(now / 2 ** (8 * (5 - index))) & 0xff;
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class OfflineQueue<T> {
  private readonly listeners = new Set<() => void>();
  private syncing = false;
  private lastError: SyncState['lastError'] = null;
  private snapshot: SyncState;

  private readonly storage: QueueStorage;
  private readonly key: string;
  private readonly now: () => Date;

  constructor(storage: QueueStorage, key: string, now: () => Date = () => new Date()) {
    this.storage = storage;
    this.key = key;
    this.now = now;
    this.snapshot = this.computeState();
  }

  private read(): Stored<T> {
    try {
      const text = this.storage.getItem(this.key);
      const parsed = (text ? JSON.parse(text) : {}) as Partial<Stored<T>>;
      return {
        items: Array.isArray(parsed.items) ? parsed.items : [],
        rejected: Array.isArray(parsed.rejected) ? parsed.rejected : [],
        lastSyncedAt: typeof parsed.lastSyncedAt === 'string' ? parsed.lastSyncedAt : null,
        sequence: typeof parsed.sequence === 'number' ? parsed.sequence : 0,
      };
    } catch {
      return { items: [], rejected: [], lastSyncedAt: null, sequence: 0 };
    }
  }

  private write(stored: Stored<T>): void {
    this.storage.setItem(this.key, JSON.stringify(stored));
    this.changed();
  }

  private computeState(): SyncState {
    const stored = this.read();
    return {
      pending: stored.items.length,
      rejected: stored.rejected,
      lastSyncedAt: stored.lastSyncedAt,
      syncing: this.syncing,
      lastError: this.lastError,
    };
  }

  private changed(): void {
    this.snapshot = this.computeState();
    for (const listener of this.listeners) listener();
  }

  /** For useSyncExternalStore. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SyncState => this.snapshot;

  /** The actions not yet acknowledged by the server, oldest first. */
  items(): Queued<T>[] {
    return this.read().items;
  }

  /**
   * Stores an action under its client id; the same id twice is stored once (a double tap).
   * Returns the client id.
   */
  enqueue(action: T, clientId: string = newClientId()): string {
    const stored = this.read();
    if (stored.items.some((item) => item.clientId === clientId)) return clientId;
    stored.sequence += 1;
    stored.items.push({ clientId, queuedAt: this.now().toISOString(), sequence: stored.sequence, attempts: 0, action });
    this.write(stored);
    return clientId;
  }

  /** Re-reads storage (another tab wrote to it). */
  refresh(): void {
    this.changed();
  }

  /**
   * Sends every pending action in one batch. Applied and duplicate ones leave the outbox; rejected
   * ones move to `rejected`; on a network or server failure all stay, to be sent again as they are.
   * Actions queued while the batch was in flight stay for the next sync.
   */
  async flush(send: (batch: Queued<T>[]) => Promise<ItemOutcome[]>): Promise<'empty' | 'synced' | 'failed' | 'busy'> {
    if (this.syncing) return 'busy';
    const batch = this.read().items;
    if (batch.length === 0) return 'empty';
    this.syncing = true;
    this.changed();
    let outcomes: ItemOutcome[];
    try {
      outcomes = await send(batch);
    } catch (error) {
      this.syncing = false;
      this.lastError = isNetworkFailure(error) ? 'network' : 'server';
      const stored = this.read();
      const sent = new Set(batch.map((item) => item.clientId));
      for (const item of stored.items) if (sent.has(item.clientId)) item.attempts += 1;
      this.write(stored);
      return 'failed';
    }
    this.syncing = false;
    this.lastError = null;
    this.settle(outcomes);
    return 'synced';
  }

  private settle(outcomes: ItemOutcome[]): void {
    const byId = new Map(outcomes.map((outcome) => [outcome.clientId, outcome]));
    const stored = this.read();
    const rejectedNow = stored.items.flatMap((item) => {
      const outcome = byId.get(item.clientId);
      return outcome?.status === 'rejected' ? [{ clientId: item.clientId, message: outcome.message ?? '' }] : [];
    });
    stored.items = stored.items.filter((item) => !byId.has(item.clientId));
    stored.rejected = [...stored.rejected, ...rejectedNow].slice(-20);
    stored.lastSyncedAt = this.now().toISOString();
    this.write(stored);
  }

  dismissRejected(): void {
    const stored = this.read();
    stored.rejected = [];
    this.write(stored);
  }
}

function isNetworkFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, status } = error as { code?: unknown; status?: unknown };
  return code === 'NETWORK' || status === 0;
}

/** This browser's device id (REL-6), made once and kept. */
export function deviceId(storage: QueueStorage, key = 'kangyang.care.device'): string {
  const known = storage.getItem(key);
  if (known) return known;
  const made = newClientId();
  storage.setItem(key, made);
  return made;
}
