import { useState, type ReactNode } from 'react';
import { App, Button, type ButtonProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { QueryParams } from './api/api-client.ts';
import { useApi } from './api/api-context.tsx';
import { errorText } from './api/error-text.ts';
import { saveFile } from './api/save-file.ts';
import { useI18n } from './i18n/i18n-context.tsx';

type Props = {
  path: string;
  query?: QueryParams;
  fallbackName: string;
  children: ReactNode;
  type?: ButtonProps['type'];
};

/** Fetches a file with the session cookie and the chosen language, and shows the server's error if it fails. */
export function DownloadButton({ path, query, fallbackName, children, type }: Props) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { blob, fileName } = await api.download(path, query);
      saveFile(blob, fileName ?? fallbackName);
    } catch (error) {
      void message.error(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} type={type}>
      {children}
    </Button>
  );
}
