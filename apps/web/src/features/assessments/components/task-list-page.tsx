import { useState } from 'react';
import { Segmented, Typography } from 'antd';
import type { AssessmentListItem } from '@kangyang/contracts/assessment-workflow';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { localToday, TaskTable } from './task-table.tsx';

const STATES = ['draft', 'returned', 'submitted', 'approved'] as const satisfies readonly AssessmentListItem['state'][];

/** ASM-3/4: the assessor's own tasks, by state; a row opens the tablet form. */
export function TaskListPage() {
  const { t } = useI18n();
  const [state, setState] = useState<(typeof STATES)[number]>('draft');
  const [offset, setOffset] = useState(0);
  return (
    <section className="page" aria-labelledby="asm-tasks-title">
      <div className="page-header">
        <Typography.Title level={2} id="asm-tasks-title" className="page-title">
          {t('nav.assessmentTasks')}
        </Typography.Title>
      </div>
      <Segmented
        size="large"
        className="asm-state-switch"
        value={state}
        onChange={(value) => {
          setState(value);
          setOffset(0);
        }}
        options={STATES.map((value) => ({ value, label: t(`assessmentState.${value}`) }))}
      />
      <TaskTable
        query={{ state, mine: 'true' }}
        base="/assessments"
        today={localToday()}
        offset={offset}
        onPage={setOffset}
      />
    </section>
  );
}
