import type { NavMessageKey } from './messages-nav-zh-cn.ts';

/** en-US names of the menu groups: the type requires exactly the keys of the zh-CN part. */
export const navMessagesEnUS: Readonly<Record<NavMessageKey, string>> = {
  'navGroup.registry': 'Elder registry',
  'navGroup.assessment': 'Assessment',
  'navGroup.benefits': 'Benefits and subsidies',
  'navGroup.services': 'Home and community services',
  'navGroup.monitoring': 'Plan monitoring',
  'navGroup.system': 'System and audit',
};
