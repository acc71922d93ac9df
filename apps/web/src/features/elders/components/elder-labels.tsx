import { Space, Tag } from 'antd';
import type { ElderDto } from '@kangyang/contracts/elder';
import { useI18n } from '../../../shared/i18n/i18n-context.tsx';

type Category = ElderDto['categories'][number];
type Derived = ElderDto['derivedCategories'][number];
type Status = ElderDto['status'];

const CATEGORY_COLOURS: Readonly<Partial<Record<Category, string>>> = {
  extremePoverty: 'red',
  minimumLiving: 'volcano',
  nearMinimumLiving: 'orange',
  severeDisability: 'purple',
  dementia: 'magenta',
};
const STATUS_COLOURS: Readonly<Record<Status, string>> = { active: 'green', deceased: 'default', movedOut: 'gold' };

/** Declared categories, then derived ones (高龄, 困难, 空巢) marked as derived. */
export function CategoryTags({
  categories,
  derived = [],
}: {
  categories: readonly Category[];
  derived?: readonly Derived[];
}) {
  const { t } = useI18n();
  if (categories.length === 0 && derived.length === 0) return <span className="muted">{t('common.none')}</span>;
  return (
    <Space size={[4, 4]} wrap>
      {categories.map((category) => (
        <Tag key={category} color={CATEGORY_COLOURS[category] ?? 'blue'} className="tag-large">
          {t(`category.${category}`)}
        </Tag>
      ))}
      {derived.map((category) => (
        <Tag key={category} className="tag-large tag-derived" title={t('elder.derivedHint')}>
          {t(`derived.${category}`)}
        </Tag>
      ))}
    </Space>
  );
}

export function StatusTag({ status }: { status: Status }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOURS[status]} className="tag-large">
      {t(`status.${status}`)}
    </Tag>
  );
}

/** ID numbers and phones in a fixed-width face, so the masked digits line up (ENC-3). */
export function Identifier({ value }: { value: string | null }) {
  const { t } = useI18n();
  if (!value) return <span className="muted">{t('common.none')}</span>;
  return <span className="identifier">{value}</span>;
}
