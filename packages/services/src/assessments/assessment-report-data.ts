import { levelLabel, type AssessmentSettings, type InstrumentCode } from '@kangyang/domain/assessment';
import type { AssessmentReason, AssessmentState, Signature } from '@kangyang/domain/assessment-workflow';
import { ageOn, type IsoDate } from '@kangyang/domain/units';
import type { LoadedAssessment } from './assessment.repo.ts';
import { definitionOfRow, type StoredResult } from './assessment-mapper.ts';

/** Everything the printed report shows (assessment.md §4.8, 附录C), as display text. */
export type ReportData = {
  instrumentName: string;
  instrumentVersion: string;
  provisional: boolean;
  state: AssessmentState;
  header: readonly (readonly [string, string])[];
  settings: readonly string[];
  domains: readonly { name: string; score: string; max: string; grade: string }[];
  showGrades: boolean;
  total: string;
  baseLevel: string;
  reasons: readonly string[];
  finalLevel: string;
  validUntil: string;
  /** The two assigned assessors in order, with their signature time or null when unsigned. */
  signers: readonly { name: string; signedAt: string | null }[];
  reviewer: string;
  approvedAt: string;
  contentHash: string;
  generatedAt: string;
};

export const REASON_LABELS: Readonly<Record<AssessmentReason, string>> = {
  first: '首次评估',
  routine: '常规评估',
  immediate: '即时评估',
  dispute: '复评（对结果有疑问）',
  other: '其他',
};

export const STATE_LABELS: Readonly<Record<AssessmentState, string>> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回',
  approved: '已审核通过',
  superseded: '已被新评估取代',
};

const RULE_LABELS: Readonly<Record<string, string>> = {
  coma: '昏迷：直接评定为最重等级',
  mentalDiagnosis: '确诊痴呆（F00–F03）或精神科确诊的其他精神和行为障碍（F04–F99）：等级上调一级',
  riskEvents: '近30天内发生2次及以上照护风险事件：等级上调一级',
};

const DETAIL_WORDS: Readonly<Record<string, string>> = {
  fall: '跌倒',
  wandering: '走失',
  choking: '噎食',
  selfHarm: '自杀/自伤',
  other: '其他',
  dementiaDiagnosis: '痴呆',
  mentalDisorderDiagnosis: '其他精神和行为障碍',
};

/** `fall 2, choking 1` → `跌倒 2 次、噎食 1 次`; diagnosis names in Chinese. */
const detailText = (detail: string): string =>
  detail
    .split(', ')
    .map((part) => {
      const [word = '', count] = part.split(' ');
      return `${DETAIL_WORDS[word] ?? word}${count ? ` ${count} 次` : ''}`;
    })
    .join('、');

const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An instant as Asia/Shanghai wall time, `YYYY-MM-DD HH:mm`. */
export const shanghaiTime = (instant: Date): string => shanghai.format(instant).replace(/\//g, '-');

function settingsLines(settings: AssessmentSettings, instrument: InstrumentCode): string[] {
  const lines = [`有效期 ${settings.validityMonths} 个月`];
  if (instrument === 'gbt42195-2022' || instrument === 'mzt039-2013') {
    lines.push(
      settings.changeRuleStacking === 'once'
        ? '等级变更：合计最多上调一级（once）'
        : '等级变更：每条规则各上调一级（perRule）',
      settings.riskEventCounting === 'sum' ? '风险事件：各类合计计数（sum）' : '风险事件：按单类计数（perType）',
    );
  }
  if (instrument === 'barthel') lines.push(`分级方案 ${settings.barthelBandScheme}`);
  if (instrument === 'ltci-2021')
    lines.push(`分级与组合 ${typeof settings.ltci === 'string' ? settings.ltci : settings.ltci.id}`);
  return lines;
}

/** C.1: each domain's score (and grade where the instrument grades) with its maximum. */
function domainRows(
  definition: ReturnType<typeof definitionOfRow>,
  result: StoredResult | null,
): ReportData['domains'] {
  return definition.domains.map((domain) => {
    const max = domain.items.reduce((sum, item) => sum + Math.max(...item.options.map((option) => option.points)), 0);
    const score = result?.domainScores[domain.code];
    const grade = result?.domainGrades?.[domain.code];
    return {
      name: domain.name.zh,
      score: score === undefined ? '—' : String(score),
      max: String(max),
      grade: grade === undefined ? '—' : String(grade),
    };
  });
}

/** Builds the report's text from a stored assessment; the elder appears only with the masked ID (ENC-3). */
export function reportDataOf(
  loaded: LoadedAssessment,
  extra: { regionName: string | null; assessorNames: ReadonlyMap<string, string>; now: Date },
): ReportData {
  const { row, elder } = loaded;
  const instrument = row.instrument as InstrumentCode;
  const definition = definitionOfRow(row);
  const result = row.result as StoredResult | null;
  const settings = row.settings as AssessmentSettings;
  const level = (code: string | undefined) =>
    code ? (levelLabel(instrument, code, 'zh-CN', result?.scheme) ?? code) : '—';
  const assessedOn = (row.assessmentDate ?? row.triggerDate) as IsoDate;
  const domains = domainRows(definition, result);
  const signed = new Map(
    (row.signatures as Signature[]).map((signature) => [signature.assessorId, signature.signedAt]),
  );
  const signers = row.assessorIds.map((id) => {
    const at = signed.get(id);
    return { name: extra.assessorNames.get(id) ?? id, signedAt: at ? shanghaiTime(new Date(at)) : null };
  });
  return {
    instrumentName: definition.name.zh,
    instrumentVersion: row.instrumentVersion,
    provisional: row.provisional || definition.status === 'provisional',
    state: row.state as AssessmentState,
    header: [
      ['姓名', elder.name],
      ['身份证号', elder.idNumberMasked],
      ['年龄', `${ageOn(elder.birthDate as IsoDate, assessedOn)} 岁`],
      ['居住地', extra.regionName ? `${extra.regionName}（${elder.residenceRegionCode}）` : elder.residenceRegionCode],
      ['评估机构', loaded.agencyName],
      ['评估原因', REASON_LABELS[row.reason as AssessmentReason] ?? row.reason],
      ['评估日期', row.assessmentDate ?? '—'],
      ['评估量表版本', row.instrumentVersion],
    ],
    settings: settingsLines(settings, instrument),
    domains,
    showGrades: definition.kind !== 'total',
    total: result?.total === null || result === null ? '—' : String(result.total),
    baseLevel: level(result?.baseLevel),
    reasons: (result?.reasons ?? []).map(
      (reason) =>
        `${RULE_LABELS[reason.rule] ?? reason.rule}${reason.detail ? `（${detailText(reason.detail)}）` : ''}${reason.applied ? '' : ' —— 未改变等级'}`,
    ),
    finalLevel: level(result?.finalLevel),
    validUntil: row.validUntil ?? '—',
    signers,
    reviewer: row.reviewerName ?? '—',
    approvedAt: row.approvedAt ? shanghaiTime(row.approvedAt) : '—',
    contentHash: row.contentHash,
    generatedAt: shanghaiTime(extra.now),
  };
}
