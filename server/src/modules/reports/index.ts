import type { KehuModule } from '#platform/module.ts';
import { reportRoutes } from './reports.routes.ts';

/** Sales reports over deals and activities: forecast, funnel, win/loss, leaderboard. Read-only. */
export const reportsModule: KehuModule = {
  name: 'reports',
  register(app, deps) {
    reportRoutes(app, deps);
  },
};
