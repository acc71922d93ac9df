import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CARE_DATA_CACHE, forgetOfflineCopy, noteWorkerMessage, useSavedAnswerTime } from './offline-copy.ts';

const TASKS = '/api/home-care/my/tasks';

function SavedAt() {
  const savedAt = useSavedAnswerTime(TASKS);
  return <span className="saved-at">{savedAt ?? 'fresh'}</span>;
}

let container: HTMLDivElement;
let root: Root;
const shown = () => container.querySelector('.saved-at')?.textContent;

describe("the service worker's word on saved answers (offline start of /care)", () => {
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    act(() => root.render(<SavedAt />));
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    vi.unstubAllGlobals();
  });

  it('shows when the task list was saved while it comes from the phone, and nothing once fresh again', () => {
    expect(shown()).toBe('fresh');
    act(() =>
      noteWorkerMessage({ source: 'kangyang-sw', kind: 'saved', path: TASKS, savedAt: '2026-11-23T01:02:00Z' }),
    );
    expect(shown()).toBe('2026-11-23T01:02:00Z');
    act(() => noteWorkerMessage({ source: 'kangyang-sw', kind: 'saved', path: '/api/auth/me', savedAt: 'x' }));
    expect(shown()).toBe('2026-11-23T01:02:00Z');
    act(() => noteWorkerMessage({ source: 'kangyang-sw', kind: 'fresh', path: TASKS }));
    expect(shown()).toBe('fresh');
  });

  it('ignores messages that are not the service worker’s', () => {
    act(() => noteWorkerMessage({ kind: 'saved', path: TASKS, savedAt: '2026-11-23T01:02:00Z' }));
    act(() => noteWorkerMessage('saved'));
    act(() => noteWorkerMessage(null));
    expect(shown()).toBe('fresh');
  });

  it('sign-out deletes the saved copy from the phone and forgets what was shown', async () => {
    const deleted: string[] = [];
    vi.stubGlobal('caches', { delete: async (name: string) => deleted.push(name) > 0 });
    act(() =>
      noteWorkerMessage({ source: 'kangyang-sw', kind: 'saved', path: TASKS, savedAt: '2026-11-23T01:02:00Z' }),
    );
    await act(() => forgetOfflineCopy());
    expect(deleted).toEqual([CARE_DATA_CACHE]);
    expect(shown()).toBe('fresh');
  });
});
