import type { KehuModule } from '#platform/module.ts';
import { registerImportJobs } from './imports.jobs.ts';
import { importRoutes } from './imports.routes.ts';

export { type ImportFileOptions, importFile } from './import-file.service.ts';

/** Data import: streamed CSV/XLSX upload, mapping, dedup, a resumable job with per-row errors, rollback. */
export const importsModule: KehuModule = {
  name: 'imports',
  register(app, deps) {
    // Its own scope, so the raw-stream upload parser applies to these routes only.
    void app.register(async (scope) => importRoutes(scope, deps));
    registerImportJobs(deps);
  },
};
