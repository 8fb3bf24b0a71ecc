import type { KehuModule } from '#platform/module.ts';
import { registerExportJobs } from './exports.jobs.ts';
import { exportRoutes } from './exports.routes.ts';

/** List views exported to CSV/XLSX as background jobs: streamed to a file, with progress, cancel, download and expiry. */
export const exportsModule: KehuModule = {
  name: 'exports',
  register(app, deps) {
    exportRoutes(app, deps);
    registerExportJobs(deps);
  },
};
