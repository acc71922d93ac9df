import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit.ts';

/** A write that records its batches and completes when the test says so. */
function controlledWrite(failWhen: (rows: readonly string[]) => boolean = () => false) {
  const batches: string[][] = [];
  const pending: (() => void)[] = [];
  const write = (rows: readonly string[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push([...rows]);
      pending.push(() => (failWhen(rows) ? reject(new Error('write failed')) : resolve()));
    });
  const finishAll = async () => {
    while (pending.length > 0) {
      pending.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { batches, write, finishAll };
}

describe('audit group commit (AUD-4: no response before its audit row is committed)', () => {
  it('writes a lone caller at once and settles only after the write', async () => {
    const io = controlledWrite();
    const group = createGroupCommit(io.write);
    let settled = false;
    const done = group.add(['a']).then(() => {
      settled = true;
    });
    expect(io.batches).toEqual([['a']]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    await io.finishAll();
    await done;
    expect(settled).toBe(true);
  });

  it('groups callers arriving during a write into the next statement, never splitting one caller', async () => {
    const io = controlledWrite();
    const group = createGroupCommit(io.write, 3);
    const all = [group.add(['a']), group.add(['b']), group.add(['c1', 'c2']), group.add(['d'])];
    await io.finishAll();
    await Promise.all(all);
    expect(io.batches).toEqual([['a'], ['b', 'c1', 'c2'], ['d']]);
  });

  it('fails closed only for the caller whose rows cannot be written', async () => {
    const io = controlledWrite((rows) => rows.includes('bad'));
    const group = createGroupCommit(io.write);
    const first = group.add(['x']);
    const good = group.add(['good']);
    const bad = group.add(['bad']).then(
      () => 'written',
      (error: unknown) => (error instanceof Error ? error.message : 'unknown'),
    );
    await io.finishAll();
    await expect(first).resolves.toBeUndefined();
    await expect(good).resolves.toBeUndefined();
    await expect(bad).resolves.toBe('write failed');
    expect(io.batches).toEqual([['x'], ['good', 'bad'], ['good'], ['bad']]);
  });
});
