import { useLocation, useNavigate } from 'react-router';
import { Menu } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../shared/session-context.ts';
import { MODULES } from './modules.tsx';

export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const entries = MODULES.filter((entry) => can(entry.permission));
  const selected = entries.find((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`));
  return (
    <nav aria-label={t('shell.menu')}>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected.path] : []}
        items={entries.map((entry) => ({ key: entry.path, icon: entry.icon, label: t(entry.label) }))}
        onClick={({ key }) => {
          void navigate(key);
          onNavigate?.();
        }}
        className="side-menu"
      />
    </nav>
  );
}
