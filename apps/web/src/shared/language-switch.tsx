import { Segmented } from 'antd';
import { useI18n, type Locale } from './i18n/i18n-context.tsx';

const LABELS: Readonly<Record<Locale, string>> = { 'zh-CN': '中文', 'en-US': 'EN' };

/** zh-CN ⇄ en-US; each label is written in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      aria-label={t('shell.language')}
      value={locale}
      onChange={setLocale}
      options={[
        { value: 'zh-CN', label: <span lang="zh-CN">{LABELS['zh-CN']}</span> },
        { value: 'en-US', label: <span lang="en-US">{LABELS['en-US']}</span> },
      ]}
    />
  );
}
