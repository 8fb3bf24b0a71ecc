import type { Tx } from '#db/tx.ts';
import { listDefs } from '#platform/custom-fields/custom-fields.repo.ts';
import type { Deps } from '#platform/deps.ts';
import { definitionOf } from '#platform/objects/object-registry.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import type { Versioned } from '#platform/records/record-service.ts';
import type { Row } from '#platform/records/records.repo.ts';
import type { Subject } from './privacy-requests.rules.ts';
import type { TSubjectPreview } from './requests.schema.ts';
import { type ColumnInfo, findRelatedRows, findSubjectRows, isUser, tenantTableColumns } from './subject.repo.ts';
import { type ObjectPlan, objectPlan } from './subject.rules.ts';
import { isSuppressed } from './suppression.service.ts';

export type Found = { plan: ObjectPlan; definition: ObjectDefinition<Versioned>; role: 'subject' | 'related'; rows: Row[] };

export type Located = {
  found: Found[];
  /** Every tenant table's columns (the erasure's sweep reads them too). */
  columns: Map<string, Map<string, ColumnInfo>>;
  subjectIds: string[];
  relatedIds: string[];
};

export type PlannedObject = { plan: ObjectPlan; definition: ObjectDefinition<Versioned> };

/** Every record object of the tenant with its personal fields and references, and every tenant table's columns. */
export async function objectPlans(tx: Tx, deps: Deps): Promise<{ plans: PlannedObject[]; columns: Map<string, Map<string, ColumnInfo>> }> {
  const [declarations, defs, columns] = await Promise.all([deps.objects.forTenant(tx), listDefs(tx), tenantTableColumns(tx)]);
  const tableOf = (name: string) => declarations.find((d) => d.name === name)?.definition?.table as string | undefined;
  const plans = declarations.flatMap((declaration) => {
    const definition = definitionOf<Versioned>(declaration);
    const tableColumns = definition ? columns.get(definition.table) : undefined;
    if (!definition || !tableColumns) return [];
    const plan = objectPlan({ declaration, defs: defs.filter((d) => d.object === declaration.name), columns: tableColumns, tableOf });
    return plan ? [{ plan, definition }] : [];
  });
  return { plans, columns };
}

/**
 * Finds a person in every registry object, standard or custom, without naming one: the records
 * whose personal fields hold their e-mail or phone (the subject's own), then the records that
 * point at those (deals, activities, tickets: related, one hop).
 */
export async function locateSubject(o: { tx: Tx; deps: Deps; subject: Subject }): Promise<Located> {
  const { plans, columns } = await objectPlans(o.tx, o.deps);
  const found: Found[] = [];
  for (const { plan, definition } of plans) {
    if (!plan.personal.length) continue;
    const rows = await findSubjectRows(o.tx, plan, o.subject);
    if (rows.length) found.push({ plan, definition, role: 'subject', rows });
  }
  const subjectIds = found.flatMap((f) => f.rows.map((r) => r.id));
  const targets = new Map<string, string[]>();
  for (const f of found) targets.set(f.plan.table, [...(targets.get(f.plan.table) ?? []), ...f.rows.map((r) => r.id)]);
  const exclude = new Set(subjectIds);
  for (const { plan, definition } of plans) {
    const rows = await findRelatedRows(o.tx, plan, targets, exclude);
    if (rows.length) found.push({ plan, definition, role: 'related', rows });
  }
  const relatedIds = found.filter((f) => f.role === 'related').flatMap((f) => f.rows.map((r) => r.id));
  return { found, columns, subjectIds, relatedIds };
}

/** What a record is called in the preview: its name, or an activity's subject, or a title. */
const titleOf = (r: Row): string | null => [r.name, r.subject, r.title].find((v): v is string => typeof v === 'string' && v !== '') ?? null;

/** What an export would hold and an erasure would touch, shown to the handler before running it. */
export async function previewOf(o: {
  tx: Tx;
  deps: Deps;
  tenantId: string;
  subject: Subject;
  located: Located;
  auditEntries: number;
}): Promise<TSubjectPreview> {
  return {
    objects: o.located.found.map((f) => ({
      object: f.plan.object,
      label: f.plan.label,
      role: f.role,
      fields: f.role === 'subject' ? f.plan.personal.map((p) => p.field) : [],
      records: f.rows.map((r) => ({ id: r.id, name: titleOf(r), deleted: r.deleted_at != null })),
    })),
    auditEntries: o.auditEntries,
    isUser: await isUser(o.tx, o.subject),
    suppressed: await isSuppressed({
      tx: o.tx,
      deps: o.deps,
      tenantId: o.tenantId,
      emails: o.subject.email ? [o.subject.email] : [],
      phones: o.subject.phone ? [o.subject.phone] : [],
    }),
  };
}
