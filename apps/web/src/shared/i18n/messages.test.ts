import { describe, expect, it } from 'vitest';
import { messagesZhCN, type MessageKey } from './messages-zh-cn.ts';
import { messagesEnUS } from './messages-en-us.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const keys = Object.keys(messagesZhCN) as MessageKey[];

describe('web message catalogs (PLT-4: zh-CN by default, en-US complete)', () => {
  it('gives every key a non-empty text in both languages', () => {
    for (const key of keys) {
      expect(messagesZhCN[key].trim(), key).not.toBe('');
      expect(messagesEnUS[key].trim(), key).not.toBe('');
    }
    expect(Object.keys(messagesEnUS).sort()).toEqual([...keys].sort());
  });

  it('uses the same {placeholders} in both languages', () => {
    for (const key of keys) expect(placeholders(messagesEnUS[key]), key).toEqual(placeholders(messagesZhCN[key]));
  });

  it('keeps the zh-CN catalog Chinese: no English sentence left untranslated', () => {
    const latinOnly = keys.filter(
      (key) => /^[\x20-\x7e]+$/.test(messagesZhCN[key]) && /[a-z]{4,}/i.test(messagesZhCN[key]),
    );
    expect(latinOnly).toEqual([]);
  });
});
