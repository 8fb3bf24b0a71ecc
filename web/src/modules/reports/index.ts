// Reports. The reports page is a route of its own (app/routes.tsx); other features reach the
// module only through this file: the dashboard shows its sales widgets.
export { SalesWidgets } from './widgets/sales-widgets';
