import type { Locale } from '@kangyang/contracts/errors';
import { messagesZhCN, type MessageKey } from './messages-zh-cn.ts';
import { messagesEnUS } from './messages-en-us.ts';

export type { Locale, MessageKey };
export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
const CATALOGS: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = {
  'zh-CN': messagesZhCN,
  'en-US': messagesEnUS,
};

/** Fills `{name}` placeholders; an unknown one is left as written. */
export function format(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  return (key, params) => format(catalog[key], params);
}
