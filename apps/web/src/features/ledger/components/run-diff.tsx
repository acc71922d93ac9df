import { Link } from 'react-router';
import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { ChangeDto, RunDiffDto } from '@kangyang/contracts/ledger';
import { CHANGE_KINDS } from '@kangyang/domain/ledger';
import { useI18n, type MessageKey, type Translate } from '../../../shared/i18n/i18n-context.tsx';
import { signedYuan, yuan } from './money.ts';
import { RegionName } from '../../../shared/region-name.tsx';

const CHANGE_COLOURS: Readonly<Record<ChangeDto['change'], string>> = {
  new: 'green',
  ended: 'default',
  changed: 'blue',
  stopped: 'red',
};
const KNOWN_CODES = [
  'NEW_PAYEE',
  'AMOUNT_CHANGED',
  'ELDER_DECEASED',
  'ELDER_MOVED_OUT',
  'ENTITLEMENT_ENDED',
  'ENTITLEMENT_NOT_STARTED',
  'NOT_ELIGIBLE',
  'ATTENDANCE_BELOW_MINIMUM',
  'NOT_CERTIFIED',
] as const;

function codeText(code: string, t: Translate): string {
  const known = KNOWN_CODES.find((item) => item === code);
  if (!known) return code;
  const key: MessageKey = `changeCode.${known}`;
  return t(key);
}

/** SUB-2: the difference from last month, explained by kind (new, ended, changed, stopped by death or move-out). */
export function RunDiff({ diff }: { diff: RunDiffDto }) {
  const { t } = useI18n();
  const delta = diff.currentTotalFen - diff.previousTotalFen;
  return (
    <div className="run-diff">
      <Typography.Title level={4}>{t('run.diffTitle', { month: diff.previousPeriod })}</Typography.Title>
      <Typography.Paragraph strong className="run-diff-line">
        {t('run.diffLine', {
          previous: yuan(diff.previousTotalFen),
          current: yuan(diff.currentTotalFen),
          delta: signedYuan(delta),
        })}
        <span className="muted"> · {t('run.unchanged', { count: diff.unchanged })}</span>
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {CHANGE_KINDS.map((kind) => (
          <Col key={kind} xs={12} md={6}>
            <Card size="small" className={`change-card change-${kind}`}>
              <Statistic
                title={<Tag color={CHANGE_COLOURS[kind]}>{t(`change.${kind}`)}</Tag>}
                value={signedYuan(diff.deltasFen[kind])}
              />
              <div className="muted">
                {t('run.changeCount', { count: diff.counts[kind], yuan: signedYuan(diff.deltasFen[kind]) })}
              </div>
            </Card>
          </Col>
        ))}
      </Row>
      {diff.items.length > 0 && <ChangeTable items={diff.items} />}
    </div>
  );
}

function ChangeTable({ items }: { items: ChangeDto[] }) {
  const { t } = useI18n();
  return (
    <Table<ChangeDto>
      className="run-changes"
      size="small"
      rowKey={(item) => `${item.payeeKind}|${item.payeeId}|${item.elderId ?? ''}`}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      title={() => <strong>{t('run.changes')}</strong>}
      columns={[
        {
          title: t('run.why'),
          dataIndex: 'change',
          render: (change: ChangeDto['change'], item) => (
            <>
              <Tag color={CHANGE_COLOURS[change]}>{t(`change.${change}`)}</Tag>
              {codeText(item.code, t)}
            </>
          ),
        },
        {
          title: t('run.payee'),
          key: 'payee',
          render: (_value, item) =>
            item.elderId ? (
              <Link to={`/elders/${item.elderId}/ledger`} className="identifier">
                {item.elderId.slice(-8)}
              </Link>
            ) : (
              <span className="identifier">{item.payeeId.slice(-8)}</span>
            ),
        },
        {
          title: t('run.region'),
          dataIndex: 'regionCode',
          render: (code: string) => <RegionName code={code} />,
        },
        { title: t('run.previous'), dataIndex: 'previousFen', align: 'right', render: (fen: number) => yuan(fen) },
        { title: t('run.current'), dataIndex: 'currentFen', align: 'right', render: (fen: number) => yuan(fen) },
      ]}
    />
  );
}
