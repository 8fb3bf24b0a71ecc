import type { KehuModule } from '#platform/module.ts';
import { viewRoutes } from './views.routes.ts';

/** Saved list views (filter, sort, columns), personal or shared with the tenant. */
export const viewsModule: KehuModule = { name: 'views', register: viewRoutes };
