import { Select } from 'antd';
import { AGE_BANDS, DECLARED_CATEGORIES, ElderStatusSchema, type ElderListQuery } from '@kangyang/contracts/elder';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';

export type ElderFilterValues = Pick<ElderListQuery, 'category' | 'ageBand' | 'status'>;

type Props = { value: ElderFilterValues; onChange: (value: ElderFilterValues) => void };

/** Category, age band and status; the region comes from the top bar's selector. */
export function ElderFilters({ value, onChange }: Props) {
  const { t } = useI18n();
  return (
    <div className="filter-row" role="group" aria-label={t('list.filters')}>
      <Select
        aria-label={t('elder.categories')}
        placeholder={t('filter.allCategories')}
        allowClear
        value={value.category}
        onChange={(category) => onChange({ ...value, category })}
        options={DECLARED_CATEGORIES.map((category) => ({ value: category, label: t(`category.${category}`) }))}
        className="filter-row__item"
        popupMatchSelectWidth={false}
      />
      <Select
        aria-label={t('elder.ageBand')}
        placeholder={t('filter.allAges')}
        allowClear
        value={value.ageBand}
        onChange={(ageBand) => onChange({ ...value, ageBand })}
        options={AGE_BANDS.map((band) => ({ value: band, label: t(`ageBand.${band}`) }))}
        className="filter-row__item"
        popupMatchSelectWidth={false}
      />
      <Select
        aria-label={t('elder.status')}
        placeholder={t('filter.allStatuses')}
        allowClear
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
        options={ElderStatusSchema.options.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        className="filter-row__item"
        popupMatchSelectWidth={false}
      />
    </div>
  );
}
