import type { ReactNode } from 'react';
import { AuditOutlined, CloudUploadOutlined, FileTextOutlined, TeamOutlined } from '@ant-design/icons';
import type { Permission } from '@kangyang/domain/access';
import type { MessageKey } from '../../shared/i18n/i18n-context.tsx';

export type Module = { path: string; label: MessageKey; icon: ReactNode; permission: Permission };

/** The modules, in menu order; a later module adds one line here and its routes in router.tsx. */
export const MODULES: readonly Module[] = [
  { path: '/elders', label: 'nav.elders', icon: <TeamOutlined />, permission: 'elder:read' },
  { path: '/imports', label: 'nav.imports', icon: <CloudUploadOutlined />, permission: 'elder:import' },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit:read' },
  { path: '/profiles', label: 'nav.profiles', icon: <FileTextOutlined />, permission: 'profile:read' },
];
