import { Table, Tag } from 'antd';
import { DEPTS, type Dept } from '@kangyang/contracts/profile-common';
import { INDICATOR_SOURCES, UNITS, type IndicatorSource, type Unit } from '@kangyang/contracts/profile-indicators';
import { useI18n, type Translate } from '../../../shared/i18n/i18n-context.tsx';
import { indicatorsOf, type IndicatorView } from '../api/profiles-api.ts';
import { targetText } from './target-text.ts';

const WRAP = { minWidth: 240, maxWidth: 520, whiteSpace: 'normal' } as const;
type Clause = { clause: string; kind: string; text: { zh: string; en: string } };

const deptLabel = (dept: string, t: Translate) => {
  const known: Dept | undefined = DEPTS.find((item) => item === dept);
  return known ? t(`dept.${known}`) : dept;
};
const unitLabel = (unit: string, t: Translate) => {
  const known: Unit | undefined = UNITS.find((item) => item === unit);
  return known ? t(`unitName.${known}`) : unit;
};
const sourceLabel = (source: string, t: Translate) => {
  const known: IndicatorSource | undefined = INDICATOR_SOURCES.find((item) => item === source);
  return known ? t(`source.${known}`) : source;
};

/** POL-2: indicators with id, name, yearly targets, unit, source, lead department and formula text. */
export function IndicatorTable({ raw }: { raw: readonly Record<string, unknown>[] }) {
  const { t, locale } = useI18n();
  const text = (value: { zh: string; en: string }) => (locale === 'zh-CN' ? value.zh : value.en);
  const units = (row: IndicatorView) => [...new Set(row.targets.map((target) => target.unit))];
  return (
    <Table<IndicatorView>
      rowKey="id"
      dataSource={indicatorsOf(raw)}
      pagination={false}
      size="middle"
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('profile.clause'),
          dataIndex: 'id',
          render: (id: string) => <span className="identifier">{id}</span>,
        },
        { title: t('profile.indicatorName'), key: 'name', render: (_, row) => text(row.name) },
        {
          title: t('profile.targets'),
          key: 'targets',
          render: (_, row) => row.targets.map((target, index) => <div key={index}>{targetText(target, t)}</div>),
        },
        {
          title: t('profile.unit'),
          key: 'unit',
          render: (_, row) =>
            units(row)
              .map((unit) => unitLabel(unit, t))
              .join('、'),
        },
        { title: t('profile.source'), key: 'source', render: (_, row) => <Tag>{sourceLabel(row.source, t)}</Tag> },
        { title: t('profile.leadDept'), key: 'lead', render: (_, row) => deptLabel(row.leadDept, t) },
        {
          title: t('profile.formula'),
          key: 'formula',
          render: (_, row) => <div style={WRAP}>{text(row.formulaText)}</div>,
        },
      ]}
    />
  );
}

/** POL-2: the profile's rules, each with its clause id. */
export function ClauseTable({ clauses }: { clauses: readonly Clause[] }) {
  const { t, locale } = useI18n();
  return (
    <Table<Clause>
      rowKey="clause"
      dataSource={[...clauses]}
      pagination={false}
      size="middle"
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('profile.clause'),
          dataIndex: 'clause',
          render: (clause: string) => <span className="identifier">{clause}</span>,
        },
        {
          title: t('profile.ruleKind'),
          dataIndex: 'kind',
          render: (kind: string) =>
            kind === 'descriptive' ? (
              <Tag>{t('profile.ruleDescriptive')}</Tag>
            ) : (
              <Tag color="blue">{t('profile.ruleTyped')}</Tag>
            ),
        },
        {
          title: t('profile.ruleText'),
          key: 'text',
          render: (_, row) => <div style={WRAP}>{locale === 'zh-CN' ? row.text.zh : row.text.en}</div>,
        },
      ]}
    />
  );
}
