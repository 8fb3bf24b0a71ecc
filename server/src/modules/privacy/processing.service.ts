import { stringify } from 'csv-stringify/sync';
import { inTenant, inTenantRead } from '#db/tx.ts';
import { allRoleGrants } from '#modules/admin/index.ts';
import type { FieldPermissions, Permissions } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import { SAFE_CSV_CAST } from '#platform/csv/formula-cells.ts';
import { listDefs } from '#platform/custom-fields/custom-fields.repo.ts';
import type { Deps } from '#platform/deps.ts';
import { recordChange } from '#platform/events/record-change.ts';
import { newId } from '#platform/ids.ts';
import { privacyErrors } from './privacy.errors.ts';
import type { TProcessingRecord, TPutProcessingRequest } from './privacy.schema.ts';
import { type Purpose, processingRecord } from './processing.rules.ts';
import * as repo from './processing.repo.ts';

type Options = { deps: Deps; ctx: RequestContext };

const NO_PURPOSE: Purpose = { purpose: null, legalBasis: null, retention: null, version: 0, updatedAt: null };

const purposeOf = (row: repo.ProcessingRow | undefined): Purpose =>
  row
    ? {
        purpose: row.purpose,
        legalBasis: row.legal_basis as Purpose['legalBasis'],
        retention: row.retention,
        version: row.version,
        updatedAt: row.updated_at.toISOString(),
      }
    : NO_PURPOSE;

/** Every object of the tenant that holds personal data, with who reads it and why (admins only). */
export async function listProcessingRecords(o: Options): Promise<TProcessingRecord[]> {
  if (!o.ctx.access.isAdmin) throw privacyErrors.forbidden();
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const [objects, defs, roles, purposes] = await Promise.all([o.deps.objects.forTenant(tx), listDefs(tx), allRoleGrants(tx), repo.listProcessing(tx)]);
    const grants = roles.map((r) => ({
      name: r.name,
      isAdmin: r.is_admin,
      permissions: r.permissions as Permissions,
      fields: r.field_permissions as FieldPermissions,
    }));
    return objects.flatMap((declaration) => {
      if (!declaration.definition) return [];
      const record = processingRecord({
        declaration,
        defs: defs.filter((d) => d.object === declaration.name),
        roles: grants,
        purpose: purposeOf(purposes.find((p) => p.object === declaration.name)),
      });
      return record ? [record] : [];
    });
  });
}

/** Records why an object's personal data is processed (admin; If-Match its version, 0 at first), audited. */
export async function putProcessingPurpose(
  o: Options & { object: string; input: TPutProcessingRequest; version?: number | undefined },
): Promise<TProcessingRecord> {
  if (!o.ctx.access.isAdmin) throw privacyErrors.forbidden();
  await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const declaration = (await o.deps.objects.forTenant(tx)).find((d) => d.name === o.object && d.definition);
    // Only an object that holds personal data has a processing record: refuse the others before writing.
    if (!declaration || !processingRecord({ declaration, defs: await listDefs(tx, o.object), roles: [], purpose: NO_PURPOSE }))
      throw privacyErrors.unknownObject();
    const row = await repo.findProcessing(tx, o.object);
    const current = row?.version ?? 0;
    if (o.version !== undefined && o.version !== current) throw privacyErrors.stale(o.version, current);
    const values = { purpose: o.input.purpose, legal_basis: o.input.legalBasis, retention: o.input.retention, updated_by: o.ctx.userId };
    const saved = row
      ? await repo.updateProcessing(tx, { object: o.object, version: current, values })
      : await repo.insertProcessing(tx, { tenantId: o.ctx.tenantId, id: newId(), object: o.object, values });
    if (!saved) throw privacyErrors.stale(current, current + 1);
    await recordChange(tx, o.ctx, {
      action: row ? 'updated' : 'created',
      objectType: 'processing_record',
      objectId: saved.id,
      before: row ? { object: o.object, ...purposeOf(row) } : null,
      after: { object: o.object, ...purposeOf(saved) },
    });
  });
  const found = (await listProcessingRecords(o)).find((r) => r.object === o.object);
  if (!found) throw privacyErrors.unknownObject();
  return found;
}

/** The records of processing as CSV for an auditor: one line per personal field. */
export async function processingCsv(o: Options & { locale: 'zh-CN' | 'en' }): Promise<string> {
  const records = await listProcessingRecords(o);
  const zh = o.locale === 'zh-CN';
  const header = zh
    ? ['对象', '字段', '分类', '脱敏', '处理目的', '法律依据', '保存期限', '可读取的角色']
    : ['Object', 'Field', 'Classification', 'Masked', 'Purpose', 'Legal basis', 'Retention', 'Roles that read it'];
  const rows = records.flatMap((r) =>
    r.fields.map((f) => [
      zh ? r.label.zh : r.label.en,
      f.label ? (zh ? f.label.zh : f.label.en) : f.name,
      f.classification,
      f.masked ? 'yes' : 'no',
      r.purpose ?? '',
      r.legalBasis ?? '',
      r.retention ?? '',
      r.readers
        .filter((x) => !f.masked || x.clearFields.includes(f.name))
        .map((x) => `${x.role} (${x.scope})`)
        .join('; '),
    ]),
  );
  return `\uFEFF${stringify([header, ...rows], { cast: SAFE_CSV_CAST })}`;
}
