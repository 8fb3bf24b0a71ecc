import {
  AimOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  ContactsOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DeleteOutlined,
  FileTextOutlined,
  FundProjectionScreenOutlined,
  GlobalOutlined,
  MergeCellsOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { can } from '#shared/auth/permissions';
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

/** Modules not built yet (marketing) stay out of the menu; custom objects follow the standard items. */
export function navItems(me: Me, objects: readonly ObjectMeta[] = []): NavItem[] {
  const items: (NavItem | false)[] = [
    { key: 'dashboard', path: '/', icon: <DashboardOutlined />, labelKey: 'nav.dashboard' },
    // Everyone may be asked to approve something (approvals' own strings are not loaded in the shell).
    { key: 'approvals', path: '/approvals', icon: <AuditOutlined />, labelKey: 'approvals.nav', label: { zh: '我的审批', en: 'My approvals' } },
    can(me, 'lead', 'read') && { key: 'leads', path: '/leads', icon: <AimOutlined />, labelKey: 'nav.leads' },
    can(me, 'company', 'read') && { key: 'companies', path: '/companies', icon: <ShopOutlined />, labelKey: 'nav.companies' },
    can(me, 'contact', 'read') && { key: 'contacts', path: '/contacts', icon: <ContactsOutlined />, labelKey: 'nav.contacts' },
    can(me, 'deal', 'read') && { key: 'deals', path: '/deals', icon: <FundProjectionScreenOutlined />, labelKey: 'nav.deals' },
    can(me, 'quote', 'read') && { key: 'quotes', path: '/quotes', icon: <FileTextOutlined />, labelKey: 'nav.quotes', label: { zh: '报价单', en: 'Quotes' } },
    can(me, 'order', 'read') && { key: 'orders', path: '/orders', icon: <ShoppingCartOutlined />, labelKey: 'nav.orders', label: { zh: '订单', en: 'Orders' } },
    can(me, 'contract', 'read') && {
      key: 'contracts',
      path: '/contracts',
      icon: <FileTextOutlined />,
      labelKey: 'nav.contracts',
      label: { zh: '合同', en: 'Contracts' },
    },
    can(me, 'instalment', 'read') && {
      key: 'receivables',
      path: '/contracts/receivables',
      icon: <FileTextOutlined />,
      labelKey: 'nav.receivables',
      label: { zh: '应收账款', en: 'Receivables' },
    },
    can(me, 'product', 'read') && {
      key: 'products',
      path: '/products',
      icon: <ShoppingOutlined />,
      labelKey: 'nav.products',
      label: { zh: '产品', en: 'Products' },
    },
    can(me, 'ticket', 'read') && {
      key: 'tickets',
      path: '/tickets',
      icon: <CustomerServiceOutlined />,
      labelKey: 'nav.tickets',
      label: { zh: '工单', en: 'Tickets' },
    },
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
    (me.user.isAdmin || can(me, 'automation', 'read')) && { key: 'settings', path: '/settings', icon: <SettingOutlined />, labelKey: 'nav.settings' },
  ];
  return items.filter((i): i is NavItem => !!i);
}

export function activeKey(pathname: string): string {
  const [, first = '', second = ''] = pathname.split('/');
  if (first === 'o' && second) return `o/${second}`;
  return first === '' ? 'dashboard' : first;
}
