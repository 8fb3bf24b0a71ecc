import { inTenant, inTenantRead, type Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import { present } from '#platform/records/record-service.ts';
import { buildPackage, type PackageSection } from './export-package.rules.ts';
import { type Subject, subjectOf } from './privacy-requests.rules.ts';
import { privacyErrors } from './privacy.errors.ts';
import * as repo from './requests.repo.ts';
import type { TPrivacyRequest, TSubjectPreview } from './requests.schema.ts';
import { changeRequest, loadRequest, OPEN_STATUSES, type RequestOptions, requirePrivacy } from './requests.service.ts';
import { auditRowsOf } from './subject.repo.ts';
import { locateSubject, previewOf } from './subject.service.ts';
import { suppress } from './suppression.service.ts';

/** The subject a request names, as matched in the records. */
export const subjectOfRequest = (r: TPrivacyRequest): Subject => subjectOf({ email: r.subjectEmail, phone: r.subjectPhone });

export type RunnableRequestOptions = { tx: Tx; id: string; kinds: readonly TPrivacyRequest['kind'][] };
/** A request that may still be run: open, and its requester's identity verified. */
export async function runnableRequest({ tx, id, kinds }: RunnableRequestOptions): Promise<TPrivacyRequest> {
  if (!(await repo.lockRequest(tx, id))) throw privacyErrors.requestNotFound();
  const request = await loadRequest(tx, id);
  if (!kinds.includes(request.kind)) throw privacyErrors.wrongKind(request.kind);
  if (!OPEN_STATUSES.has(request.status)) throw privacyErrors.closed(request.status);
  if (request.status !== 'verified') throw privacyErrors.notVerified();
  return request;
}

/** What the request's subject is found in, before anything is exported or erased. */
export async function previewRequest(o: RequestOptions & { id: string }): Promise<TSubjectPreview> {
  requirePrivacy({ ctx: o.ctx, action: 'read' });
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const request = await loadRequest(tx, o.id);
    if (request.status === 'completed' && request.kind === 'erasure') return { objects: [], auditEntries: 0, isUser: false, suppressed: true };
    const subject = subjectOfRequest(request);
    const located = await locateSubject({ tx, deps: o.deps, subject });
    const audit = await auditRowsOf(tx, [...located.subjectIds, ...located.relatedIds]);
    return previewOf({ tx, deps: o.deps, tenantId: o.ctx.tenantId, subject, located, auditEntries: audit.length });
  });
}

/** Records are exported in clear: the package is the person's own data, for the person. */
const unmasked = (ctx: RequestContext): RequestContext => ({ ...ctx, access: { ...ctx.access, isAdmin: true } });

/**
 * Builds the access request's package (JSON + CSV per object, an HTML page in the requester's
 * language, the audit entries about them) and keeps it for one download by the handler. An
 * access request is then complete; the package may be built again until it is downloaded.
 */
export async function buildExport(o: RequestOptions & { id: string }): Promise<TPrivacyRequest> {
  requirePrivacy({ ctx: o.ctx, action: 'update' });
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const request = await runnableRequest({ tx, id: o.id, kinds: ['access'] });
    const located = await locateSubject({ tx, deps: o.deps, subject: subjectOfRequest(request) });
    const sections: PackageSection[] = [];
    for (const f of located.found) {
      const records = (await present({ tx, deps: o.deps, ctx: unmasked(o.ctx), def: f.definition, rows: f.rows })) as Record<string, unknown>[];
      sections.push({ name: f.role === 'subject' ? f.plan.object : `${f.plan.object}-related`, label: f.plan.label, role: f.role, records });
    }
    const audit = await auditRowsOf(tx, [...located.subjectIds, ...located.relatedIds]);
    sections.push({
      name: 'audit-log',
      label: { zh: '变更记录', en: 'Audit log' },
      role: 'audit',
      records: audit.map((a) => ({ at: a.at.toISOString(), action: a.action, object: a.object_type, recordId: a.object_id, changes: a.changes })),
    });
    const generatedAt = new Date();
    const { export: _e, result: _r, ...summary } = request;
    const zip = buildPackage({ sections, request: summary, locale: request.locale, generatedAt });
    await repo.putExport(tx, { tenant_id: o.ctx.tenantId, request_id: request.id, content: Buffer.from(zip), size: zip.byteLength, created_by: o.ctx.userId });
    const result = sections.map((s) => ({ object: s.name, label: s.label, count: s.records.length }));
    return changeRequest(tx, {
      ...o,
      before: request,
      action: 'exported',
      values: {
        status: 'completed',
        completed_at: generatedAt,
        result: JSON.stringify({ exported: result }),
        // The person who built the package is the one who may download it, unless a handler is set.
        handler_id: request.handler?.id ?? o.ctx.userId,
      },
    });
  });
}

/** The package, once, for the request's handler; its content is gone from the database afterwards. */
export async function downloadExport(o: RequestOptions & { id: string }): Promise<{ zip: Buffer; filename: string }> {
  requirePrivacy({ ctx: o.ctx, action: 'update' });
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const request = await loadRequest(tx, o.id);
    if (!request.export) throw privacyErrors.noExport();
    if (request.handler?.id !== o.ctx.userId) throw privacyErrors.notHandler();
    const taken = await repo.takeExport(tx, { requestId: o.id, userId: o.ctx.userId });
    if (!taken?.content) throw privacyErrors.exportTaken();
    await changeRequest(tx, { ...o, before: request, action: 'downloaded', values: {} });
    return { zip: taken.content, filename: `privacy-export-${request.id.slice(-8)}.zip` };
  });
}

/** Withdrawn consent / opting out: the person's e-mail and phone go on the suppression list; the records stay. */
export async function optOut(o: RequestOptions & { id: string }): Promise<TPrivacyRequest> {
  requirePrivacy({ ctx: o.ctx, action: 'update' });
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const request = await runnableRequest({ tx, id: o.id, kinds: ['objection'] });
    const subject = subjectOfRequest(request);
    const added = await suppress({
      tx,
      deps: o.deps,
      tenantId: o.ctx.tenantId,
      emails: subject.email ? [subject.email] : [],
      phones: subject.phone ? [subject.phone] : [],
      reason: 'objection',
      requestId: request.id,
    });
    return changeRequest(tx, {
      ...o,
      before: request,
      action: 'opted_out',
      values: { status: 'completed', completed_at: new Date(), result: JSON.stringify({ suppressed: added }) },
    });
  });
}
