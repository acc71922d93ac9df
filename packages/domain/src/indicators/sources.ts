/**
 * The kinds of operational records indicators are computed from (KPI-10). A refresh records which of
 * them exist; an indicator whose sources are missing names them instead of showing zero.
 */
export const RECORD_SOURCES = {
  elders: { zh: '老年人档案', en: 'elder records' },
  assessments: { zh: '能力评估记录', en: 'capability assessments' },
  entitlements: { zh: '补贴待遇（申请审批）记录', en: 'approved entitlements' },
  ledger: { zh: '补贴发放台账', en: 'subsidy ledger' },
  workers: { zh: '从业人员档案', en: 'worker records' },
  certificates: { zh: '从业人员资格证书', en: 'worker certificates' },
  attendance: { zh: '从业人员出勤与培训记录', en: 'worker attendance and training records' },
  homeCareVisits: { zh: '居家上门服务记录', en: 'home-care visit records' },
  welfareVisits: { zh: '关爱巡访（探访）记录', en: 'welfare-visit (探访) records' },
  serviceSites: { zh: '养老服务场所档案', en: 'service-site records' },
  coverage: { zh: '服务圈覆盖计算结果', en: 'service-circle coverage results' },
  facilities: { zh: '养老机构与服务场所档案（床位、设施）', en: 'facility records (institutions, sites, beds)' },
  designations: { zh: '机构与社区认定（命名）记录', en: 'facility and community designation records' },
  consortia: { zh: '康养联合体档案', en: 'care-consortium records' },
  familyCaregiverTraining: { zh: '家庭照护者培训记录', en: 'family-caregiver training records' },
  renovations: { zh: '适老化改造验收记录', en: 'aging-friendly renovation records' },
  assistiveRentals: { zh: '康复辅具租赁记录', en: 'assistive-device rental records' },
  medicalRecords: {
    zh: '医疗卫生（健康管理、家庭医生）记录',
    en: 'health-care records (health management, family doctors)',
  },
  insurance: { zh: '保险参保记录', en: 'insurance enrolment records' },
  volunteers: { zh: '志愿服务队伍记录', en: 'volunteer team records' },
  premises: { zh: '社区养老用房移交记录', en: 'community premises handover records' },
  reportedValue: { zh: '本年度填报数值', en: 'a reported figure for the year' },
  declaration: { zh: '认定（申报）数值', en: 'a declared figure' },
} as const;

export type RecordSource = keyof typeof RECORD_SOURCES;

export type LocalizedText = { readonly zh: string; readonly en: string };

/** The missing-source notice: which records are missing, in words. */
export function missingSourceText(records: readonly RecordSource[]): LocalizedText {
  const zh = records.map((record) => RECORD_SOURCES[record].zh).join('、');
  const en = records.map((record) => RECORD_SOURCES[record].en).join(', ');
  return { zh: `暂无数据来源：缺少${zh}`, en: `No data source yet: ${en} missing` };
}
