import { useNavigate } from 'react-router';
import { Button, Dropdown } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { isRole } from '@kangyang/domain/access';
import { useLogout } from '../../features/auth/api/auth-api.ts';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useSession } from '../../shared/session-context.ts';

/** Who is signed in, their roles and region, and the way out. */
export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  const { me } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const scope = me.grants.map((grant) => grant.regionName ?? grant.regionCode).join('、');
  const roles = me.roles.map((role) => (isRole(role) ? t(`role.${role}`) : role)).join('、');
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', label: me.displayName || me.username, disabled: true },
          { key: 'roles', label: roles, disabled: true },
          { key: 'scope', label: t('shell.scope', { scope }), disabled: true },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'logout')
            logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
        },
      }}
    >
      <Button icon={<UserOutlined />} aria-label={t('shell.userMenu')} className="user-menu-button">
        {compact ? null : me.displayName || me.username}
      </Button>
    </Dropdown>
  );
}
