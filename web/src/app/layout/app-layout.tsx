import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from '#shared/auth/session';
import { pickLabel } from '#shared/format/localized';
import { useObjects } from '#shared/objects/use-objects';
import { PageSpinner } from '#shared/ui/page-spinner';
import styles from './app-layout.module.css';
import { HeaderBar } from './header-bar';
import { activeKey, navItems } from './nav-items';

// The menu stays in view while the page scrolls.
const SIDER_STYLE = { position: 'sticky', top: 0, height: '100vh', overflow: 'auto' } as const;

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawer, setDrawer] = useState(false);
  const { objects } = useObjects();
  const items = navItems(me, objects);

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[activeKey(pathname)]}
      items={items.map((i) => ({ key: i.key, icon: i.icon, label: i.label ? pickLabel(i.label, i18n.language) : t(i.labelKey) }))}
      onClick={({ key }) => {
        const item = items.find((i) => i.key === key);
        if (item) navigate(item.path);
        setDrawer(false);
      }}
      style={{ borderInlineEnd: 'none' }}
      data-testid="main-nav"
    />
  );
  const brand = (
    <div className={styles.brand}>
      <span className={styles.logo}>客</span>
      {(!collapsed || mobile) && <span className={styles.brandName}>{t('app.name')}</span>}
    </div>
  );

  return (
    <Layout className={styles.root}>
      {mobile ? (
        <Drawer placement="left" open={drawer} onClose={() => setDrawer(false)} size={240} styles={{ body: { padding: 0 } }} closable={false}>
          {brand}
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} theme="light" width={220} className={styles.sider} style={SIDER_STYLE}>
          {brand}
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className={styles.header}>
          {mobile && <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawer(true)} aria-label={t('nav.menu')} />}
          <HeaderBar compact={mobile} />
        </Layout.Header>
        <Layout.Content className={styles.content}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
