import { findTemplateInTx, mergeValuesFor, renderTemplate as renderMail, sendMail } from '#modules/mail/index.ts';
import { notify } from '#modules/notifications/index.ts';
import { callWebhook } from '#modules/webhooks/index.ts';
import type { ActionContext } from './actions.service.ts';
import { type RecordView, renderTemplate } from './formula.rules.ts';
import type { TAction } from './workflows.schema.ts';
import { workflowsErrors } from './workflows.errors.ts';

/** An action that cannot do its work on this record (no address to write to); the message is `workflows.<key>`. */
export class ActionRefusal extends Error {}

type Outreach = Extract<TAction, { type: 'notify' | 'send_email' | 'call_webhook' }>;

export type RunOutreachOptions = { a: ActionContext; action: Outreach } & { index: number; view: RecordView; ownerId: string | null };
/**
 * Actions that reach people or systems. Each queues its message in the run's transaction with a
 * key made of the rule, the trigger and the action's place, so a retried delivery sends nothing
 * twice, and a dry run (rolled back) sends nothing at all.
 */
export async function runOutreach({ a, action, ...o }: RunOutreachOptions) {
  const key = `workflow:${a.key}:${o.index}`;
  const record = { object: a.target.def.object, id: a.recordId };
  switch (action.type) {
    case 'notify': {
      const userIds = [...new Set(action.recipients.map((r) => (r === 'owner' ? o.ownerId : r)).filter((id): id is string => !!id))];
      const title = renderTemplate(action.title, o.view, record.object);
      const body = action.body ? renderTemplate(action.body, o.view, record.object) : null;
      await notify({
        tx: a.tx,
        tenantId: a.ctx.tenantId,
        userIds,
        kind: 'workflow',
        title: { zh: title, en: title },
        body: body === null ? null : { zh: body, en: body },
        link: record,
        dedupeKey: key,
      });
      return { userIds, title };
    }
    case 'send_email': {
      const template = await findTemplateInTx(a.tx, action.templateId);
      if (!template) throw workflowsErrors.missing('mail_template');
      const values = await mergeValuesFor({ tx: a.tx, deps: a.deps, ctx: a.ctx, record });
      const to = action.to === 'record' ? values.recipient : action.to === 'owner' ? ((values.owner?.email as string | undefined) ?? null) : action.to;
      if (!to) throw new ActionRefusal('no_recipient');
      const mail = renderMail({ template, locale: a.ctx.locale, timeZone: a.timeZone, values });
      await sendMail({
        tx: a.tx,
        tenantId: a.ctx.tenantId,
        actorId: a.ctx.userId,
        to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        locale: a.ctx.locale,
        record,
        templateId: template.id,
        idempotencyKey: key,
      });
      return { to, subject: mail.subject };
    }
    case 'call_webhook': {
      const result = await callWebhook({
        tx: a.tx,
        deps: a.deps,
        tenantId: a.ctx.tenantId,
        webhookId: action.webhookId,
        event: { id: key, type: 'workflow.rule_fired' },
        record,
        context: { rule: { id: a.ctx.cause?.ruleId ?? null }, trigger: a.key },
      });
      if (result.deliveryId === null) throw new ActionRefusal(`webhook_${result.reason}`);
      return { deliveryId: result.deliveryId };
    }
  }
}
