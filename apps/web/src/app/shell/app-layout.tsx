import { useState } from 'react';
import { Outlet } from 'react-router';
import { Button, Drawer, Grid, Layout } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { LanguageSwitch } from '../../shared/language-switch.tsx';
import { useRegionScope } from '../../shared/region-scope.tsx';
import { RegionTreeSelect } from '../../shared/region-tree-select.tsx';
import { SideMenu } from './side-menu.tsx';
import { UserMenu } from './user-menu.tsx';

/**
 * The admin shell (POR-1): product name, region selector limited to the user's scope, language,
 * user menu; the module menu at the side on wide screens, in a drawer on phones.
 */
export function AppLayout() {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const wide = Boolean(screens.lg);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { regionCode, regionName, setRegion } = useRegionScope();
  return (
    <Layout className="app-layout">
      <a href="#main" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <Layout.Header className="app-header">
        {!wide && (
          <Button
            icon={<MenuOutlined />}
            aria-label={t('shell.menu')}
            onClick={() => setDrawerOpen(true)}
            className="app-header__menu"
          />
        )}
        <div className="app-header__brand">{t('app.title')}</div>
        <div className="app-header__region">
          <span className="app-header__region-label">{t('region.label')}</span>
          <RegionTreeSelect
            aria-label={t('region.label')}
            value={regionCode && regionName ? { code: regionCode, name: regionName } : undefined}
            onChange={(value) => setRegion(value)}
            placeholder={t('region.allInScope')}
            className="region-select"
          />
        </div>
        <div className="app-header__tools">
          <LanguageSwitch />
          <UserMenu compact={!screens.md} />
        </div>
      </Layout.Header>
      <Layout>
        {wide && (
          <Layout.Sider width={224} className="app-sider">
            <SideMenu />
          </Layout.Sider>
        )}
        <Drawer
          open={!wide && drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          width={280}
          title={t('app.title')}
          className="menu-drawer"
        >
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
        <Layout.Content id="main" className="app-content" tabIndex={-1}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
