import { useState, type ReactNode } from 'react';
import { RouterProvider } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { ApiProvider } from '../shared/api/api-context.tsx';
import { I18nProvider, useI18n } from '../shared/i18n/i18n-context.tsx';
import { createQueryClient } from './query-client.ts';
import { createAppRouter } from './router.tsx';
import { appTheme } from './theme.ts';

/** Providers, outermost first: server state, language, antd (theme and locale), the API client, routes. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocalisedProviders>
          <RouterProvider router={router} />
        </LocalisedProviders>
      </I18nProvider>
    </QueryClientProvider>
  );
}

function LocalisedProviders({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'en-US' ? enUS : zhCN} theme={appTheme}>
      <AntApp className="ant-app-root">
        <ApiProvider locale={locale}>{children}</ApiProvider>
      </AntApp>
    </ConfigProvider>
  );
}
