import { Segmented, Select, Space } from 'antd';
import type { Meal } from '@kangyang/contracts/meals';
import { useI18n, type MessageKey } from '../../../shared/i18n/i18n-context.tsx';
import { useMealSites } from '../api/meals-api.ts';

export const MEALS: readonly { value: Meal; label: MessageKey }[] = [
  { value: 'breakfast', label: 'meal.breakfast' },
  { value: 'lunch', label: 'meal.lunch' },
  { value: 'dinner', label: 'meal.dinner' },
];
const SITE_KEY = 'kangyang.mealSite';
export const defaultMeal = (): Meal => {
  const hour = new Date().getHours();
  return hour < 10 ? 'breakfast' : hour < 15 ? 'lunch' : 'dinner';
};

/** The site this device works for, remembered between visits (a counter, a delivery van). */
export const rememberedSite = (): string | undefined => window.localStorage.getItem(SITE_KEY) ?? undefined;
export const rememberSite = (id: string): void => window.localStorage.setItem(SITE_KEY, id);

type ChoicesProps = {
  siteId: string | undefined;
  onSite: (id: string) => void;
  meal: Meal;
  onMeal: (meal: Meal) => void;
};

/** The counter's site (remembered on this device) and meal. */
export function CounterChoices({ siteId, onSite, meal, onMeal }: ChoicesProps) {
  const { t } = useI18n();
  const sites = useMealSites({ offersMeals: 'true' });
  return (
    <Space wrap size="large" className="meal-counter-choices">
      <Select
        size="large"
        className="meal-site-select"
        aria-label={t('meal.site')}
        placeholder={t('meal.sitePlaceholder')}
        loading={sites.isLoading}
        value={siteId}
        onChange={onSite}
        showSearch
        optionFilterProp="label"
        options={(sites.data?.items ?? []).map((site) => ({ value: site.id, label: site.name }))}
      />
      <Segmented<Meal>
        size="large"
        aria-label={t('meal.meal')}
        value={meal}
        onChange={onMeal}
        options={MEALS.map((entry) => ({ value: entry.value, label: t(entry.label) }))}
      />
    </Space>
  );
}
