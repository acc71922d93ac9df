/** zh-CN names of the menu groups (the side menu groups modules by the work they serve). */
export const navMessagesZhCN = {
  'navGroup.registry': '老年人档案',
  'navGroup.assessment': '能力评估',
  'navGroup.benefits': '待遇与补贴',
  'navGroup.services': '居家社区服务',
  'navGroup.monitoring': '规划监测',
  'navGroup.system': '系统与审计',
} as const satisfies Record<string, string>;

export type NavMessageKey = keyof typeof navMessagesZhCN;
