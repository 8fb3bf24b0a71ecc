import { inTenant } from '#db/tx.ts';
import { recordChanges } from '#platform/events/record-change.ts';
import { redactTrail } from '#platform/audit/redact-trail.ts';
import { translate } from '#platform/i18n/i18n.ts';
import { anonymiseRows, redactorOf, valueIn } from './anonymise.service.ts';
import { sweep } from './erasure.repo.ts';
import { holdsOn } from './holds.service.ts';
import { redactImportTrail } from './import-trail.repo.ts';
import { identifiersOf, maskEmail, maskPhone, patternOf, TOMBSTONE } from './privacy-requests.rules.ts';
import { privacyErrors } from './privacy.errors.ts';
import { subjectOfRequest, runnableRequest } from './request-steps.service.ts';
import * as repo from './requests.repo.ts';
import type { TPrivacyRequest } from './requests.schema.ts';
import { changeRequest, type RequestOptions, requirePrivacy } from './requests.service.ts';
import { isUser } from './subject.repo.ts';
import { type Found, locateSubject } from './subject.service.ts';
import { suppress } from './suppression.service.ts';

/**
 * Erases the request's subject in one transaction: their records' personal fields are emptied
 * (a required name becomes the tombstone, so deals keep amounts and dates but lose the person),
 * the trail about those records keeps that fields changed, not their values, the person's e-mail
 * and phones are swept from every tenant table, their names from rows pointing at their records,
 * and the addresses go on the suppression list. Refused for a user of Kehu; irreversible.
 */
export async function eraseRequest(o: RequestOptions & { id: string }): Promise<TPrivacyRequest> {
  requirePrivacy({ ctx: o.ctx, action: 'update' });
  const out = await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx): Promise<TPrivacyRequest | { held: string[] }> => {
    const request = await runnableRequest({ tx, id: o.id, kinds: ['erasure'] });
    const subject = subjectOfRequest(request);
    if (await isUser(tx, subject)) throw privacyErrors.subjectIsUser(subject.email ?? '');
    const located = await locateSubject({ tx, deps: o.deps, subject });
    const own = located.found.filter((f) => f.role === 'subject');
    const ids = identifiersOf({
      subject,
      values: own.flatMap((f) => f.rows.flatMap((row) => f.plan.personal.map((p) => valueIn(row, p)))),
      names: [
        request.subjectName,
        ...own.flatMap((f) => f.rows.flatMap((row) => f.plan.personal.filter((p) => !p.custom && !p.json).map((p) => valueIn(row, p)))),
      ],
    });
    // Earlier requests about the same person hold a package of their data: it goes too.
    const sameSubject = (await repo.listRequests(tx, {})).filter(
      (r) => (subject.email && r.subject_email === subject.email) || (subject.phone && r.subject_phone === subject.phone),
    );
    const holds = await holdsOn({ tx, recordIds: [...located.subjectIds, ...located.relatedIds], requestIds: sameSubject.map((r) => r.id) });
    if (holds.length) {
      // The refusal is kept on the request (reason in both languages); nothing is erased.
      const reasons = [...new Set(holds.map((h) => h.reason))];
      const message = {
        zh: translate('zh-CN', 'privacy.hold_refused', { reasons: reasons.join('；') }),
        en: translate('en', 'privacy.hold_refused', { reasons: reasons.join('; ') }),
      };
      const refusal = {
        refused: 'legal_hold',
        message,
        holds: holds.map((h) => ({ id: h.id, object: h.object, recordId: h.record_id, requestId: h.request_id })),
      };
      await changeRequest(tx, { ...o, before: request, action: 'erasure_refused', values: { result: JSON.stringify(refusal) } });
      return { held: reasons };
    }
    await repo.dropExports(
      tx,
      sameSubject.map((r) => r.id),
    );
    // They keep a masked subject, as this one will; masked first, so the sweep below has nothing to find in them.
    await repo.maskSubjects(tx, {
      ids: sameSubject.filter((r) => r.id !== request.id).map((r) => r.id),
      email: subject.email ? maskEmail(subject.email) : null,
      phone: subject.phone ? maskPhone(subject.phone) : null,
    });

    const changes = [];
    for (const f of own) changes.push(...(await anonymiseRows({ tx, ctx: o.ctx, f, columns: located.columns.get(f.plan.table) ?? new Map() })));
    const personalFields = new Set(own.flatMap((f) => f.plan.personal.map((p) => p.field)));
    const trail =
      (await redactTrail(tx, { ids: located.subjectIds, redact: redactorOf(personalFields) })) +
      (await redactImportTrail(tx, { ids: located.subjectIds, redact: redactorOf(personalFields) }));
    const pointing = [...located.subjectIds, ...located.relatedIds];
    const swept = await sweep(tx, { tables: located.columns, pattern: patternOf(ids.unique), replacement: TOMBSTONE });
    const names = await sweep(tx, { tables: located.columns, pattern: patternOf(ids.names, true), replacement: TOMBSTONE, pointingAt: pointing });
    const suppressed = await suppress({
      tx,
      deps: o.deps,
      tenantId: o.ctx.tenantId,
      emails: ids.unique.filter((u) => u.includes('@')),
      phones: ids.unique.filter((u) => !u.includes('@')),
      reason: 'erasure',
      requestId: request.id,
    });
    // The audit entries and events of the erasure itself: fields named, values never.
    await recordChanges(tx, o.ctx, changes);
    const tables = new Set([...Object.keys(swept), ...Object.keys(names)]);
    const counts = (found: Found[]) => found.map((f) => ({ object: f.plan.object, label: f.plan.label, count: f.rows.length }));
    const result = {
      erased: counts(own),
      kept: counts(located.found.filter((f) => f.role === 'related')),
      trailRedacted: trail,
      tablesSwept: tables.size,
      suppressed,
    };
    return changeRequest(tx, {
      ...o,
      before: request,
      action: 'erased',
      values: {
        status: 'completed',
        completed_at: new Date(),
        result: JSON.stringify(result),
        // The request proves the erasure without holding the person.
        subject_email: subject.email ? maskEmail(subject.email) : null,
        subject_phone: subject.phone ? maskPhone(subject.phone) : null,
        subject_name: null,
      },
    });
  });
  if ('held' in out) throw privacyErrors.legalHold(out.held);
  return out;
}
