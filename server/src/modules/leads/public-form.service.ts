import { inSystem, inTenant } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError } from '#platform/errors/app-error.ts';
import { leadsErrors } from './leads.errors.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import { type Locale, translate } from '#platform/i18n/i18n.ts';
import { captureInTx } from './capture.service.ts';
import { formInput } from './form-input.mapper.ts';
import { countSubmission, type FormRow, findPublicForm } from './forms.repo.ts';
import { formToApi } from './forms.service.ts';
import type { TFormSubmission, TLeadForm } from './forms.schema.ts';
import { signOptIn } from './optin-token.rules.ts';
import { publicContext } from './public-context.definition.ts';

export type PublicRequest = {
  origin: string | undefined;
  ownOrigin: string;
  ip: string;
  userAgent: string | null;
  requestId: string;
  locale: Locale;
  publicBase: string;
};

export type ActiveFormOptions = { deps: Deps; formId: string };
/** An active form, else 404 (unknown, deleted and paused forms look alike). */
export async function activeForm({ deps, formId }: ActiveFormOptions): Promise<FormRow> {
  const form = await inSystem(deps.db.kysely, (tx) => findPublicForm(tx, formId));
  if (!form?.active) throw leadsErrors.formNotFound();
  return form;
}

/** The page embedding the form must be one the admin listed; Kehu's own pages (the preview) always may. */
export const originAllowed = (form: FormRow, origin: string | undefined, ownOrigin: string): origin is string =>
  !!origin && (origin === ownOrigin || form.allowed_origins.includes(origin));

export type PublicFormOptions = { formId: string; req: Pick<PublicRequest, 'origin' | 'ownOrigin'> };

export type PublicFormDefinitionOptions = { deps: Deps } & PublicFormOptions;
export async function publicFormDefinition({ deps, formId, req }: PublicFormDefinitionOptions) {
  const form = await activeForm({ deps, formId });
  // A same-origin GET carries no Origin header (Kehu's own preview); a cross-origin one must be listed.
  if (req.origin && !originAllowed(form, req.origin, req.ownOrigin)) throw leadsErrors.formOriginNotAllowed(req.origin);
  const { id, fields, successMessage, redirectUrl, doubleOptIn } = formToApi(form);
  return { id, fields, successMessage, redirectUrl, doubleOptIn };
}

const localized = (m: TLeadForm['successMessage'], locale: Locale) => (locale === 'en' ? m.en || m.zh : m.zh || m.en) || null;

export type SubmitFormOptions = { deps: Deps; formId: string; submission: TFormSubmission; req: PublicRequest };

/**
 * A web-to-lead submission: origin, honeypot and fields checked before anything is written; the
 * lead is captured under the duplicate rules (a warning never stops a visitor; a blocked
 * duplicate is answered like a success and writes nothing, so the form does not reveal who is
 * already known). With double opt-in the lead is held `pending` and a confirmation mail queued.
 */
export async function submitForm({ deps, formId, submission, req }: SubmitFormOptions) {
  const form = await activeForm({ deps, formId });
  if (!originAllowed(form, req.origin, req.ownOrigin)) throw leadsErrors.formOriginNotAllowed(req.origin ?? '-');
  if (submission.website) throw leadsErrors.formSpam();
  const api = formToApi(form);
  const { input, errors } = formInput(api.fields, submission);
  if (errors.length) throw leadsErrors.invalidFields(errors);
  const locale = submission.locale ?? req.locale;
  const ctx = publicContext({ tenantId: form.tenant_id, requestId: req.requestId, ip: req.ip, locale });
  const utm = submission.utm ?? {};
  const lead = {
    ...input,
    name: input.name as string,
    source: form.source ?? 'web_form',
    ...(form.campaign || utm.campaign ? { campaign: form.campaign ?? utm.campaign } : {}),
    ...(utm.source ? { utmSource: utm.source } : {}),
    ...(utm.medium ? { utmMedium: utm.medium } : {}),
    ...(utm.campaign ? { utmCampaign: utm.campaign } : {}),
    ...(utm.term ? { utmTerm: utm.term } : {}),
    ...(utm.content ? { utmContent: utm.content } : {}),
    ...(submission.referrer ? { referrer: submission.referrer } : {}),
    ...(form.owner_id ? { ownerId: form.owner_id } : {}),
  };
  const done = {
    message: localized(api.successMessage, locale) ?? translate(locale, form.double_opt_in ? 'mail.check_inbox' : 'mail.thanks'),
    redirectUrl: api.redirectUrl,
    confirmationRequired: form.double_opt_in,
  };
  try {
    await inTenant(deps.db.kysely, form.tenant_id, async (tx) => {
      const captured = await captureInTx(tx, {
        deps,
        ctx,
        input: lead,
        channel: 'form',
        allowDuplicate: true,
        formId: form.id,
        columns: { form_id: form.id, ...(form.double_opt_in ? { confirmation: 'pending' } : {}) },
        meta: { ip: req.ip, userAgent: req.userAgent, data: { pageUrl: submission.pageUrl ?? null, origin: req.origin } },
      });
      await countSubmission(tx, form.id);
      const email = captured.emails[0]?.address;
      if (form.double_opt_in && email && captured.confirmation === 'pending') {
        const token = signOptIn(deps.masterKey, { tenantId: form.tenant_id, leadId: captured.id });
        await emitEvent(tx, ctx, {
          type: 'lead.confirmation_requested',
          objectType: 'lead',
          objectId: captured.id,
          payload: { email, name: captured.name, locale, link: `${req.publicBase}/api/public/leads/confirm?token=${token}` },
        });
      }
    });
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'duplicate')) throw error;
  }
  return done;
}
