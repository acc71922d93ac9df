import { messagesZhCN } from '../../../shared/i18n/messages-zh-cn.ts';
import type { MessageKey, Translate } from '../../../shared/i18n/i18n-context.tsx';

const isMessageKey = (key: string): key is MessageKey => key in messagesZhCN;

/** The catalog's words for `prefix.key` when it has them, else the key as sent. */
export function labelOf(prefix: string, key: string, t: Translate): string {
  const full = `${prefix}.${key}`;
  return isMessageKey(full) ? t(full) : key;
}

const LEVEL_NAMES = ['intact', 'mild', 'moderate', 'severe', 'complete'];

/** 0 intact … 4 complete, from "0" … "4" or the level's name; unknown keys last. */
export function levelOrder(key: string): number {
  const index = /^\d$/.test(key) ? Number(key) : LEVEL_NAMES.indexOf(key);
  return index >= 0 ? index : LEVEL_NAMES.length;
}

/** A capability level as the assessment pages name it ("0" or "intact" → 能力完好). */
export function levelLabel(key: string, t: Translate): string {
  const index = levelOrder(key);
  return index < LEVEL_NAMES.length ? labelOf('level', String(index), t) : key;
}
