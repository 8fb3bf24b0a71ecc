import {
  AimOutlined,
  AppstoreOutlined,
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
import type { ObjectMeta } from '#shared/objects/objects-api';
import '#modules/pool/timeline-messages';

/** A menu entry: labelled by an i18n key, or by data (a custom object's own labels). */
export type NavItem = { key: string; path: string; icon: ReactNode; labelKey: string; label?: { zh: string; en: string } };

/** Custom objects the user may read, each under /o/<path>, labelled by the object itself. */
function objectItems(me: Me, objects: readonly ObjectMeta[]): NavItem[] {
  return objects
    .filter((o) => o.custom && o.record && o.path && can(me, o.name, 'read'))
    .map((o) => ({ key: `o/${o.path}`, path: `/o/${o.path}`, icon: <AppstoreOutlined />, labelKey: o.name, label: o.label }));
}

/** Modules not built yet (tickets, marketing) stay out of the menu; custom objects follow the standard items. */
export function navItems(me: Me, objects: readonly ObjectMeta[] = []): NavItem[] {
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
    ...objectItems(me, objects),
    me.user.isAdmin && { key: 'settings', path: '/settings', icon: <SettingOutlined />, labelKey: 'nav.settings' },
  ];
  return items.filter((i): i is NavItem => !!i);
}

export function activeKey(pathname: string): string {
  const [, first = '', second = ''] = pathname.split('/');
  if (first === 'o' && second) return `o/${second}`;
  return first === '' ? 'dashboard' : first;
}
