import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '#platform/config.ts';

/** How long a finished export stays downloadable before the cleanup job removes its file. */
export const EXPORT_TTL_MS = 7 * 24 * 3600 * 1000;

export type ExportPathOptions = { config: Pick<Config, 'dataDir'>; tenantId: string; id: string; format: string };
/** `<data dir>/exports/<tenant>/<id>.<format>`: never under a user-chosen name. */
export const exportPath = ({ config, tenantId, id, format }: ExportPathOptions) => join(config.dataDir, 'exports', tenantId, `${id}.${format}`);

export type RemoveExportFileOptions = { config: Pick<Config, 'dataDir'>; tenantId: string; id: string; format: string };
export const removeExportFile = ({ config, tenantId, id, format }: RemoveExportFileOptions) =>
  rm(exportPath({ config, tenantId, id, format }), { force: true });
