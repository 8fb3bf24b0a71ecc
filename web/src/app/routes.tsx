import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { NotificationsPage } from '#modules/notifications';
import { RequireAuth } from './auth/require-auth';
import { AppLayout } from './layout/app-layout';
import { PageSpinner } from '#shared/ui/page-spinner';

// One chunk per module: the shell loads none of them up front.
// The 404 page is rare: its illustration (antd's Result) stays out of the initial bundle.
// The sign-in form (antd's Form and its validator) loads only for the sign-in page.
const LoginPage = lazy(() => import('./auth/login-page').then((m) => ({ default: m.LoginPage })));
const NotFound = lazy(() => import('./not-found').then((m) => ({ default: m.NotFound })));
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
const Approvals = lazy(() => import('#modules/approvals').then((m) => ({ default: m.ApprovalsInboxPage })));
const Products = lazy(() => import('#modules/products/products-routes').then((m) => ({ default: m.ProductsRoutes })));
const Quotes = lazy(() => import('#modules/quotes/quotes-routes').then((m) => ({ default: m.QuotesRoutes })));
const Contracts = lazy(() => import('#modules/contracts/contracts-routes').then((m) => ({ default: m.ContractsRoutes })));
const Orders = lazy(() => import('#modules/orders/orders-routes').then((m) => ({ default: m.OrdersRoutes })));
const Tickets = lazy(() => import('#modules/tickets/tickets-routes').then((m) => ({ default: m.TicketsRoutes })));
const Settings = lazy(() => import('./settings-page').then((m) => ({ default: m.SettingsPage })));

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<PageSpinner />}>
        <LoginPage />
      </Suspense>
    ),
  },
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
      { path: 'quotes/*', element: <Quotes /> },
      { path: 'orders/*', element: <Orders /> },
      { path: 'contracts/*', element: <Contracts /> },
      { path: 'products/*', element: <Products /> },
      { path: 'tickets/*', element: <Tickets /> },
      { path: 'o/:path/*', element: <Objects /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'approvals', element: <Approvals /> },
      { path: 'settings/*', element: <Settings /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
