import { useState } from 'react';
import { Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';
import { useRegionScope } from '../../../shared/region-scope.tsx';
import { localToday, TaskTable } from '../components/task-table.tsx';

/** ASM-5: submitted assessments in the chosen region, waiting for the district's review. */
export function ReviewListPage() {
  const { t } = useI18n();
  const { regionCode } = useRegionScope();
  const [offset, setOffset] = useState(0);
  return (
    <section className="page" aria-labelledby="asm-review-title">
      <div className="page-header">
        <Typography.Title level={2} id="asm-review-title" className="page-title">
          {t('nav.assessmentReview')}
        </Typography.Title>
      </div>
      <TaskTable
        query={{ state: 'submitted', region: regionCode }}
        base="/assessment-review"
        today={localToday()}
        offset={offset}
        onPage={setOffset}
      />
    </section>
  );
}
