import {
  AimOutlined,
  BarChartOutlined,
  ContactsOutlined,
  DashboardOutlined,
  DeleteOutlined,
  FundProjectionScreenOutlined,
  GlobalOutlined,
  MergeCellsOutlined,
  SettingOutlined,
  ShopOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { can } from '#app/auth/permissions';
import type { Me } from '#shared/api/types';
import '#modules/pool/timeline-messages';

export type NavItem = { key: string; path: string; icon: ReactNode; labelKey: string };

/** Modules not built yet (leads, pool, deals, tickets, marketing, reports) stay out of the menu. */
export function navItems(me: Me): NavItem[] {
  const items: (NavItem | false)[] = [
    { key: 'dashboard', path: '/', icon: <DashboardOutlined />, labelKey: 'nav.dashboard' },
    can(me, 'lead', 'read') && { key: 'leads', path: '/leads', icon: <AimOutlined />, labelKey: 'nav.leads' },
    can(me, 'company', 'read') && { key: 'companies', path: '/companies', icon: <ShopOutlined />, labelKey: 'nav.companies' },
    can(me, 'contact', 'read') && { key: 'contacts', path: '/contacts', icon: <ContactsOutlined />, labelKey: 'nav.contacts' },
    can(me, 'deal', 'read') && { key: 'deals', path: '/deals', icon: <FundProjectionScreenOutlined />, labelKey: 'nav.deals' },
    can(me, 'pool', 'read') && { key: 'pool', path: '/pool', icon: <GlobalOutlined />, labelKey: 'nav.pool' },
    (can(me, 'contact', 'delete') || can(me, 'company', 'delete')) && {
      key: 'duplicates',
      path: '/duplicates',
      icon: <MergeCellsOutlined />,
      labelKey: 'nav.duplicates',
    },
    (can(me, 'contact', 'read') || can(me, 'company', 'read')) && {
      key: 'data-quality',
      path: '/data-quality',
      icon: <SafetyCertificateOutlined />,
      labelKey: 'nav.dataQuality',
    },
    (can(me, 'contact', 'delete') || can(me, 'company', 'delete')) && {
      key: 'recycle-bin',
      path: '/recycle-bin',
      icon: <DeleteOutlined />,
      labelKey: 'nav.recycleBin',
    },
    can(me, 'deal', 'read') && { key: 'reports', path: '/reports', icon: <BarChartOutlined />, labelKey: 'nav.reports' },
    me.user.isAdmin && { key: 'settings', path: '/settings', icon: <SettingOutlined />, labelKey: 'nav.settings' },
  ];
  return items.filter((i): i is NavItem => !!i);
}

export function activeKey(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return first === '' ? 'dashboard' : first;
}
