import { useState } from 'react';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Input,
  List,
  Modal,
  Result,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { ApplicationDto } from '@kangyang/contracts/application';
import { errorText } from '../../../shared/api/error-text.ts';
import { isRole } from '@kangyang/domain/access';
import { useI18n, type MessageKey, type Translate } from '../../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../../shared/session-context.ts';
import { reasonText } from '../../eligibility/components/reason-text.ts';
import { useApplication, useApplicationStep, type ApplicationStep } from '../api/applications-api.ts';
import { STATE_COLOURS } from './state-colours.ts';

type Action = { kind: 'pass' | 'streetRefuse' | 'approve' | 'refuse'; label: MessageKey; danger: boolean };

function actionsFor(
  application: ApplicationDto,
  can: (permission: 'application:review' | 'application:approve') => boolean,
) {
  const actions: Action[] = [];
  if (application.state === 'submitted' && can('application:review'))
    actions.push(
      { kind: 'pass', label: 'inbox.pass', danger: false },
      { kind: 'streetRefuse', label: 'inbox.refuse', danger: true },
    );
  if (application.state === 'streetPassed' && can('application:approve'))
    actions.push(
      { kind: 'approve', label: 'inbox.approve', danger: false },
      { kind: 'refuse', label: 'inbox.refuse', danger: true },
    );
  return actions;
}

function stepOf(action: Action['kind'], reason: string | undefined): ApplicationStep {
  if (action === 'pass') return { kind: 'review', body: reason ? { outcome: 'pass', reason } : { outcome: 'pass' } };
  if (action === 'streetRefuse') return { kind: 'review', body: { outcome: 'refuse', reason: reason ?? '' } };
  if (action === 'approve') return { kind: 'approve', reason };
  return { kind: 'refuse', reason: reason ?? '' };
}

/** One application: what was decided when it was submitted, every step (who, when, why), and my next step. */
export function ApplicationDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const application = useApplication(id);
  return (
    <Drawer
      open={id !== undefined}
      onClose={onClose}
      title={t('inbox.detailTitle')}
      size="large"
      className="application-drawer"
    >
      {application.isPending && id !== undefined && <Spin size="large" className="page-spinner" />}
      {application.isError && <Result status="error" title={errorText(application.error, t)} />}
      {application.data && <ApplicationDetail key={application.data.version} application={application.data} />}
    </Drawer>
  );
}

function ApplicationDetail({ application }: { application: ApplicationDto }) {
  const { t } = useI18n();
  const decision = application.submissionDecision;
  return (
    <Space direction="vertical" size="large" className="full-width">
      <Descriptions
        bordered
        size="middle"
        column={1}
        items={[
          { key: 'elder', label: t('inbox.elder'), children: application.elderName ?? application.elderId },
          { key: 'programme', label: t('inbox.programme'), children: t(`programme.${application.programme}`) },
          {
            key: 'applicant',
            label: t('inbox.applicant'),
            children: `${t(`applicantKind.${application.applicantKind}`)}${application.applicantName ? ` · ${application.applicantName}` : ''}`,
          },
          { key: 'note', label: t('inbox.note'), children: application.note ?? t('common.none') },
          {
            key: 'profile',
            label: t('inbox.profile'),
            children: `${application.profileId} · v${application.profileVersion}`,
          },
          {
            key: 'state',
            label: t('inbox.state'),
            children: (
              <Space wrap>
                <Tag color={STATE_COLOURS[application.state]} className="tag-large">
                  {t(`applicationState.${application.state}`)}
                </Tag>
                {application.entitlementId && <Tag color="green">{t('inbox.entitlement')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <DecisionList decision={decision} />
      <History application={application} />
      <StepButtons application={application} />
    </Space>
  );
}

function DecisionList({ decision }: { decision: ApplicationDto['submissionDecision'] }) {
  const { t } = useI18n();
  return (
    <List
      size="small"
      bordered
      header={
        <Space wrap>
          <strong>{t('inbox.decisionAtSubmit')}</strong>
          <Tag color={decision.eligible ? 'green' : 'red'}>
            {decision.eligible ? t('eligibility.eligible') : t('eligibility.notEligible')}
          </Tag>
          <span className="muted">{decision.decidedOn}</span>
        </Space>
      }
      dataSource={decision.reasons}
      renderItem={(reason) => (
        <List.Item>
          <Space align="start">
            <Tag className="identifier">{reason.clause}</Tag>
            <span>{reasonText(reason.code, reason.params, t)}</span>
          </Space>
        </List.Item>
      )}
    />
  );
}

function History({ application }: { application: ApplicationDto }) {
  const { t, locale } = useI18n();
  return (
    <div>
      <Typography.Title level={4}>{t('inbox.history')}</Typography.Title>
      <Timeline
        className="application-history"
        items={application.transitions.map((step) => ({
          key: step.seq,
          color: step.toState === 'refused' ? 'red' : step.toState === 'approved' ? 'green' : 'blue',
          children: (
            <div>
              <strong>{t(`transition.${step.action}`)}</strong>
              <div className="muted">
                {t('inbox.step', {
                  who: step.actorName,
                  roles: rolesText(step.actorRoles, t),
                  when: new Date(step.at).toLocaleString(locale),
                })}
              </div>
              {step.reason && (
                <div>
                  {t('inbox.reason')}：{step.reason}
                </div>
              )}
            </div>
          ),
        }))}
      />
    </div>
  );
}

function StepButtons({ application }: { application: ApplicationDto }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const step = useApplicationStep(application.id);
  const [pending, setPending] = useState<Action | undefined>();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const actions = actionsFor(application, can);
  if (actions.length === 0) return null;
  const needsReason = pending?.danger ?? false;
  const confirm = () => {
    if (!pending) return;
    if (needsReason && reason.trim() === '') {
      setMissing(true);
      return;
    }
    step.mutate(stepOf(pending.kind, reason.trim() || undefined), {
      onSuccess: () => {
        void message.success(t('inbox.done'));
        setPending(undefined);
        setReason('');
      },
      onError: (error) => void message.error(errorText(error, t)),
    });
  };
  return (
    <>
      <Space wrap className="inbox-actions">
        {actions.map((action) => (
          <Button
            key={action.kind}
            size="large"
            type={action.danger ? 'default' : 'primary'}
            danger={action.danger}
            onClick={() => {
              setMissing(false);
              setPending(action);
            }}
          >
            {t(action.label)}
          </Button>
        ))}
      </Space>
      <Modal
        open={pending !== undefined}
        title={pending ? t('inbox.confirmTitle', { action: t(pending.label), name: application.elderName ?? '' }) : ''}
        onCancel={() => setPending(undefined)}
        onOk={confirm}
        okText={pending ? t(pending.label) : ''}
        okButtonProps={{ danger: needsReason, loading: step.isPending }}
        cancelText={t('common.cancel')}
      >
        <ReasonField reason={reason} missing={missing} onChange={setReason} />
      </Modal>
    </>
  );
}

function ReasonField({
  reason,
  missing,
  onChange,
}: {
  reason: string;
  missing: boolean;
  onChange: (text: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <label htmlFor="step-reason">{t('inbox.reason')}</label>
      <Input.TextArea
        id="step-reason"
        rows={3}
        maxLength={500}
        value={reason}
        status={missing ? 'error' : undefined}
        placeholder={t('inbox.reasonPlaceholder')}
        onChange={(event) => onChange(event.target.value)}
      />
      {missing && <div className="field-error">{t('inbox.reasonRequired')}</div>}
    </>
  );
}

/** `streetOfficer,civilAffairsAdmin` in the reader's words. */
const rolesText = (roles: string, t: Translate): string =>
  roles
    .split(',')
    .map((role) => (isRole(role) ? t(`role.${role}`) : role))
    .join('、');
