import type { SaveAnswersBody } from '@kangyang/contracts/assessment-workflow';

/**
 * ASM-4 offline draft: the form's content kept on the device (localStorage), keyed by task id, so a
 * dropped network or a reload loses nothing. It is removed once the server holds the same content.
 */

export type DeviceDraft = {
  taskId: string;
  /** The task version the content was edited from (a newer server version means someone else saved). */
  baseVersion: number;
  answers: Record<string, number>;
  supporting: SaveAnswersBody['supporting'];
  /** ISO time of the last change on this device. */
  changedAt: string;
};

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'kangyang.assessmentDraft.';
export const draftKey = (taskId: string) => `${PREFIX}${taskId}`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function browserStore(): Store | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** Only whole-number answers survive a round trip; anything else in the store is ignored. */
function answersOf(value: unknown): Record<string, number> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, number] => Number.isInteger(entry[1])),
  );
}

/** The device's draft of a task, or undefined when there is none or it cannot be read. */
export function readDraft(taskId: string, store: Store | undefined = browserStore()): DeviceDraft | undefined {
  try {
    const text = store?.getItem(draftKey(taskId));
    if (!text) return undefined;
    const value: unknown = JSON.parse(text);
    if (!isRecord(value) || value['taskId'] !== taskId || !Number.isInteger(value['baseVersion'])) return undefined;
    const supporting = value['supporting'];
    return {
      taskId,
      baseVersion: value['baseVersion'] as number,
      answers: answersOf(value['answers']),
      supporting: (isRecord(supporting) ? supporting : {}) as DeviceDraft['supporting'],
      changedAt: typeof value['changedAt'] === 'string' ? value['changedAt'] : '',
    };
  } catch {
    return undefined;
  }
}

/** Keeps the draft; false when the device refuses (private mode, full storage). */
export function writeDraft(draft: DeviceDraft, store: Store | undefined = browserStore()): boolean {
  try {
    if (!store) return false;
    store.setItem(draftKey(draft.taskId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(taskId: string, store: Store | undefined = browserStore()): void {
  try {
    store?.removeItem(draftKey(taskId));
  } catch {
    // nothing to clear on a device without storage
  }
}
