import { readFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { buildApp } from '../app.ts';
import { importFile } from '#modules/imports/index.ts';
import { loadAccess } from '#platform/auth/auth.service.ts';
import { loadConfig } from '#platform/config.ts';
import type { RequestContext } from '#platform/context.ts';
import { resolveSecret } from '#platform/crypto/secret.ts';
import { AppError } from '#platform/errors/app-error.ts';
import { type Locale, translate } from '#platform/i18n/i18n.ts';
import { findTenantBySlug } from '#platform/tenancy/tenants.ts';
import type { Command } from './commands.ts';
import { openConfiguredDatabase } from './open.ts';
import { progressReporter } from './import-progress.ts';

/** map.json: {"姓名": "name", ...} (header -> field) or [{"column": 0, "field": "name"}, ...]. */
function readMapping(path: string): Record<string, string> | { column: number; field: string }[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (Array.isArray(parsed) || (parsed && typeof parsed === 'object')) return parsed as Record<string, string>;
  throw new Error(`${path}: expected an object {"header": "field"} or an array of {column, field}`);
}

const explain = (error: AppError, locale: Locale) =>
  [
    translate(locale, `errors.${error.message}`, error.params),
    translate(locale, error.message, error.params),
    ...error.errors.map((e) => `  ${e.field}: ${translate(locale, e.message, e.params)}`),
  ]
    .filter((line, i, all) => !line.startsWith('errors.') && all.indexOf(line) === i)
    .join('\n');

export const importCommand: Command = {
  summary:
    'import FILE --object contacts|companies|leads|deals|activities|<custom object> [--mapping map.json] [--sheet NAME] [--tenant default] [--as email] [--match email|phone|nameCompany|none] [--on-match skip|update|create] [--dry-run]',
  options: {
    object: { type: 'string' },
    mapping: { type: 'string' },
    sheet: { type: 'string' },
    tenant: { type: 'string', default: 'default' },
    as: { type: 'string' },
    match: { type: 'string' },
    'on-match': { type: 'string' },
    'dry-run': { type: 'boolean' },
    locale: { type: 'string' },
  },
  run: async ({ values, positionals }) => {
    const file = positionals[0];
    if (!file || typeof values.object !== 'string') throw new Error('usage: kehu import FILE --object contacts|companies|leads|... [--mapping map.json]');
    const wanted = values.object;
    const locale: Locale = values.locale === 'zh-CN' ? 'zh-CN' : 'en';
    const mapping = typeof values.mapping === 'string' ? readMapping(values.mapping) : undefined;
    const config = { ...loadConfig(), runJobs: false, logLevel: 'silent' };
    const secret = resolveSecret(config.secret, config.dataDir);
    const db = await openConfiguredDatabase(config);
    try {
      const tenant = await findTenantBySlug(db.kysely, String(values.tenant));
      if (!tenant) throw new Error(`No tenant ${values.tenant}`);
      const email = typeof values.as === 'string' ? values.as : config.adminEmail;
      const user = await db.kysely.selectFrom('users').select('id').where('tenant_id', '=', tenant.id).where('email', '=', email).executeTakeFirst();
      if (!user) throw new Error(`No user ${email} in ${tenant.slug}; pass --as <email>`);
      const { deps } = await buildApp({ db, config, secret, logger: false });
      // An object by its path (contacts) or name (contact); a custom object's name is its path.
      const object = deps.objects.standard.find((d) => d.path === wanted || d.name === wanted)?.name ?? wanted;
      const ctx: RequestContext = {
        tenantId: tenant.id,
        userId: user.id,
        requestId: `cli-import-${Date.now()}`,
        ip: null,
        locale,
        access: await loadAccess({ deps, tenantId: tenant.id, userId: user.id }),
      };
      const dedup =
        typeof values.match === 'string' ? { match: values.match, action: typeof values['on-match'] === 'string' ? values['on-match'] : 'skip' } : undefined;
      const reporter = progressReporter(
        process.stdout,
        () => new SingleBar({ format: '{bar} {percentage}% | {value}/{total} rows | {pace}', hideCursor: true }),
      );
      const { job, preview } = await importFile({
        deps,
        ctx,
        object,
        path: file,
        mapping,
        sheet: typeof values.sheet === 'string' ? values.sheet : undefined,
        settings: dedup ? { dedup: dedup as never } : {},
        dryRun: values['dry-run'] === true,
        onProgress: reporter.update,
      }).catch((error: unknown) => {
        throw error instanceof AppError ? new Error(explain(error, locale)) : error;
      });
      reporter.stop();
      const out = process.stdout;
      if (preview) {
        out.write(
          `Dry run of ${job.fileName} (${job.totalRows ?? 0} rows${job.preset ? `, recognised as a ${job.preset} export` : ''}); nothing was written.\n`,
        );
        out.write(`Mapping: ${job.mapping.map((m) => `${job.columns[m.column]} -> ${m.field}`).join(', ')}\n`);
        for (const r of preview.rows)
          out.write(`  row ${r.rowNumber}: ${r.outcome}${r.errors.length ? ` (${r.errors.map((e) => `${e.field}: ${e.text}`).join('; ')})` : ''}\n`);
        const c = preview.counts;
        out.write(`First ${preview.rows.length} rows: ${c.created} would be created, ${c.updated} updated, ${c.skipped} skipped, ${c.failed} refused\n`);
        return;
      }
      const p = job.progress;
      out.write(`Import ${job.id} ${job.status}: ${p.created} created, ${p.updated} updated, ${p.skipped} skipped, ${p.failed} failed\n`);
      if (p.failed) out.write(`Refused rows with reasons: GET /api/v1/imports/${job.id}/errors.csv\n`);
      if (job.status !== 'done') process.exitCode = 1;
    } finally {
      await db.close();
    }
  },
};
