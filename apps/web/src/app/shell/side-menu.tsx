import { useLocation, useNavigate } from 'react-router';
import { Menu } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../shared/session-context.ts';
import { MODULES, MODULE_GROUPS } from './modules.tsx';

/** The modules the user may open, grouped by the work they serve; empty groups are left out. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const entries = MODULES.filter((entry) => can(entry.permission));
  const selected = entries.find((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`));
  const items = MODULE_GROUPS.map((group) => ({
    group,
    children: entries
      .filter((entry) => entry.group === group)
      .map((entry) => ({ key: entry.path, icon: entry.icon, label: t(entry.label) })),
  }))
    .filter(({ children }) => children.length > 0)
    .map(({ group, children }) => ({
      key: `group:${group}`,
      type: 'group' as const,
      label: t(`navGroup.${group}`),
      children,
    }));
  return (
    <nav aria-label={t('shell.menu')}>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected.path] : []}
        items={items}
        onClick={({ key }) => {
          void navigate(key);
          onNavigate?.();
        }}
        className="side-menu"
      />
    </nav>
  );
}
