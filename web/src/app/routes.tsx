import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { LoginPage } from './auth/login-page';
import { RequireAuth } from './auth/require-auth';
import { AppLayout } from './layout/app-layout';
import { NotFound } from './not-found';

// One chunk per module: the shell loads none of them up front.
const Dashboard = lazy(() => import('#modules/dashboard/dashboard-page').then((m) => ({ default: m.DashboardPage })));
const Customers = lazy(() => import('#modules/customers/customers-routes').then((m) => ({ default: m.CustomersRoutes })));
const RecycleBin = lazy(() => import('#modules/customers/recycle-bin-page').then((m) => ({ default: m.RecycleBinPage })));
const Imports = lazy(() => import('#modules/imports/import-page').then((m) => ({ default: m.ImportPage })));
const Reports = lazy(() => import('#modules/reports/reports-page').then((m) => ({ default: m.ReportsPage })));
const Pool = lazy(() => import('#modules/pool/pool-routes').then((m) => ({ default: m.PoolRoutes })));
const DataQuality = lazy(() => import('#modules/data-quality/data-quality-page').then((m) => ({ default: m.DataQualityPage })));
const Duplicates = lazy(() => import('#modules/dedup/duplicates-page').then((m) => ({ default: m.DuplicatesPage })));
const Deals = lazy(() => import('#modules/deals/deals-routes').then((m) => ({ default: m.DealsRoutes })));
const Leads = lazy(() => import('#modules/leads/leads-routes').then((m) => ({ default: m.LeadsRoutes })));
const Objects = lazy(() => import('#modules/objects').then((m) => ({ default: m.ObjectsRoutes })));
const Settings = lazy(() => import('#modules/settings/settings-routes').then((m) => ({ default: m.SettingsRoutes })));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Dashboard /> },
      { path: 'companies/*', element: <Customers object="companies" /> },
      { path: 'contacts/*', element: <Customers object="contacts" /> },
      { path: 'leads/*', element: <Leads /> },
      { path: 'recycle-bin', element: <RecycleBin /> },
      { path: 'duplicates', element: <Duplicates /> },
      { path: 'data-quality', element: <DataQuality /> },
      { path: 'imports', element: <Imports /> },
      { path: 'reports', element: <Reports /> },
      { path: 'pool/*', element: <Pool /> },
      { path: 'deals/*', element: <Deals /> },
      { path: 'o/:path/*', element: <Objects /> },
      { path: 'settings/*', element: <Settings /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
