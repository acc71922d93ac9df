import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Menu } from 'antd';
import { AuditOutlined, CloudUploadOutlined, TeamOutlined } from '@ant-design/icons';
import type { Permission } from '@kangyang/domain/access';
import { useI18n, type MessageKey } from '../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../shared/session-context.ts';

type Entry = { path: string; label: MessageKey; icon: ReactNode; permission: Permission };

/** The modules, in menu order; a later module adds one line here and one route. */
const ENTRIES: readonly Entry[] = [
  { path: '/elders', label: 'nav.elders', icon: <TeamOutlined />, permission: 'elder:read' },
  { path: '/imports', label: 'nav.imports', icon: <CloudUploadOutlined />, permission: 'elder:import' },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit:read' },
];

export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const entries = ENTRIES.filter((entry) => can(entry.permission));
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
