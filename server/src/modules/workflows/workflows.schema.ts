import { z } from 'zod';

const field = z.string().trim().min(1).max(100);
const template = z.string().max(2000);

/** What starts a rule: a record event, a moment relative to a date field, or a schedule. */
export const ZTrigger = z.discriminatedUnion('type', [
  z.object({ type: z.literal('created') }).strict(),
  z
    .object({
      type: z.literal('updated'),
      /** Only when this field changed (optionally from / to a value). */
      field: field.optional(),
      from: z.unknown().optional(),
      to: z.unknown().optional(),
    })
    .strict(),
  z.object({ type: z.literal('deleted') }).strict(),
  z.object({ type: z.literal('restored') }).strict(),
  z.object({ type: z.literal('stage_changed') }).strict(),
  z
    .object({
      type: z.literal('date'),
      /** A date or date-time field; the rule fires `offsetDays` after it (negative: before) at `time` in the tenant's zone. */
      field,
      offsetDays: z.number().int().min(-3650).max(3650),
      time: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
        .default('09:00'),
    })
    .strict(),
  z
    .object({
      type: z.literal('schedule'),
      /** Five-field cron in the tenant's time zone; each tick runs the rule on every record matching its conditions. */
      cron: z.string().trim().min(1).max(100),
    })
    .strict(),
  z
    .object({
      type: z.literal('form_submitted'),
      /** A web-to-lead form (leads only); null: any form. Fires on each submission, a new lead or one merged into an existing lead. */
      formId: z.uuid().nullable().default(null),
    })
    .strict(),
  z
    .object({
      type: z.literal('webhook'),
      /**
       * How a call names its record: its body's `recordId`, or (set) the body's value of this field
       * (`email`, `custom.erpId`) matching exactly one live record. The body is `payload` to conditions and merge fields.
       */
      matchField: field.nullable().default(null),
    })
    .strict(),
]);
export type TTrigger = z.infer<typeof ZTrigger>;
export type TriggerType = TTrigger['type'];
export const TRIGGER_TYPES = [
  'created',
  'updated',
  'deleted',
  'restored',
  'stage_changed',
  'date',
  'schedule',
  'form_submitted',
  'webhook',
] as const satisfies readonly TriggerType[];

const operand = z.union([z.object({ field }).strict(), z.object({ number: z.string().regex(/^-?\d+(\.\d+)?$/) }).strict()]);

/** A new field value: a literal, a template with merge fields, a date + N days, or decimal arithmetic. */
export const ZValueSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('value'), value: z.unknown() }).strict(),
  z.object({ kind: z.literal('template'), template }).strict(),
  z.object({ kind: z.literal('addDays'), from: z.union([z.literal('today'), field]), days: z.number().int().min(-3650).max(3650) }).strict(),
  z.object({ kind: z.literal('math'), op: z.enum(['add', 'sub', 'mul', 'div']), left: operand, right: operand }).strict(),
  /** The triggering record's own value of a field (`id`: the record itself), e.g. its company for a new deal. */
  z.object({ kind: z.literal('copy'), from: field }).strict(),
]);
export type TValueSpec = z.infer<typeof ZValueSpec>;

const tags = z.array(z.string().trim().min(1).max(100)).min(1).max(50);

export const ZAction = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('update_fields'),
      updates: z
        .array(z.object({ field, value: ZValueSpec }).strict())
        .min(1)
        .max(50),
    })
    .strict(),
  z
    .object({
      type: z.literal('create_task'),
      subject: template.min(1),
      dueInDays: z.number().int().min(0).max(3650).default(0),
      /** Who the task is for; null: the record's owner. */
      assigneeId: z.uuid().nullable().default(null),
    })
    .strict(),
  z.object({ type: z.literal('assign'), userId: z.uuid() }).strict(),
  z.object({ type: z.literal('add_tags'), field: field.default('tags'), tags }).strict(),
  z.object({ type: z.literal('remove_tags'), field: field.default('tags'), tags }).strict(),
  z
    .object({
      type: z.literal('notify'),
      /** `owner` is the record's owner. */
      recipients: z
        .array(z.union([z.literal('owner'), z.uuid()]))
        .min(1)
        .max(50),
      title: template.min(1).max(500),
      body: template.nullable().default(null),
    })
    .strict(),
  z
    .object({
      type: z.literal('send_email'),
      /** A template of Settings > Mail templates, filled in the tenant's language. */
      templateId: z.uuid(),
      /** `record`: the record's (or its contact's) first e-mail; `owner`: the owner's; or an address. */
      to: z.union([z.literal('record'), z.literal('owner'), z.email().max(320)]),
    })
    .strict(),
  z.object({ type: z.literal('call_webhook'), webhookId: z.uuid() }).strict(),
  z
    .object({
      type: z.literal('start_approval'),
      /** An approval process of the rule's object; null: the first enabled one whose entry criteria the record meets. */
      processId: z.uuid().nullable().default(null),
      /** The submit comment approvers read; merge fields allowed. */
      comment: template.nullable().default(null),
    })
    .strict(),
  z
    .object({
      type: z.literal('move_to_pool'),
      /** A pool of the rule's object; null: the pool the record's owner's team gives them for it. */
      poolId: z.uuid().nullable().default(null),
      /** Why, as the pool's history and the record's timeline show it; merge fields allowed. */
      reason: template.min(1).max(500),
    })
    .strict(),
  z
    .object({
      type: z.literal('create_record'),
      /** The object of the new record (any record object, custom ones too). */
      object: z.string().trim().min(1).max(100),
      /** Its fields, computed from the triggering record (templates, formulas, copies); its owner is the record's unless set. */
      values: z
        .array(z.object({ field, value: ZValueSpec }).strict())
        .min(1)
        .max(50),
    })
    .strict(),
  z
    .object({
      type: z.literal('wait'),
      /** How long to wait before the actions after this one run (a durable job resumes the run; it shows `waiting` meanwhile). */
      days: z.number().int().min(0).max(365).default(0),
      hours: z.number().int().min(0).max(23).default(0),
      minutes: z.number().int().min(0).max(59).default(0),
    })
    .strict(),
]);
export type TAction = z.infer<typeof ZAction>;
export type ActionType = TAction['type'];
export const ACTION_TYPES = [
  'update_fields',
  'create_task',
  'assign',
  'add_tags',
  'remove_tags',
  'notify',
  'send_email',
  'call_webhook',
  'start_approval',
  'move_to_pool',
  'create_record',
  'wait',
] as const satisfies readonly ActionType[];

/** The filter grammar (`{"stage":{"eq":"won"}}`, and/or) plus `changed`, `changedFrom`, `changedTo` on a field. */
const ZConditions = z.record(z.string(), z.unknown()).nullable();

const ruleFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).nullable(),
  object: z.string().min(1).max(100),
  trigger: ZTrigger,
  conditions: ZConditions,
  actions: z.array(ZAction).max(20),
  enabled: z.boolean(),
};

export const ZCreateWorkflowRuleRequest = z
  .object({
    ...ruleFields,
    description: ruleFields.description.default(null),
    conditions: ruleFields.conditions.default(null),
    enabled: ruleFields.enabled.default(false),
  })
  .strict();
export type TCreateWorkflowRuleRequest = z.infer<typeof ZCreateWorkflowRuleRequest>;

// No defaults: a default in a partial schema would overwrite what the PATCH left out.
export const ZUpdateWorkflowRuleRequest = z.object(ruleFields).partial().strict();
export type TUpdateWorkflowRuleRequest = z.infer<typeof ZUpdateWorkflowRuleRequest>;

export const ZWorkflowRule = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  object: z.string(),
  trigger: ZTrigger,
  conditions: ZConditions,
  actions: z.array(ZAction),
  enabled: z.boolean(),
  position: z.number(),
  ownerId: z.string(),
  nextRunAt: z.string().nullable(),
  /** An inbound-webhook rule has its secret URL (shown once, when made). */
  hookTokenSet: z.boolean(),
  /**
   * Set when the rule names a field its owner may no longer read (a role changed since it was
   * saved): its runs are skipped until it is saved again without that field, or the right returns.
   */
  attention: z.object({ reason: z.literal('field_not_readable'), fields: z.array(z.string()) }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TWorkflowRule = z.infer<typeof ZWorkflowRule>;

export const ZReorderRequest = z.object({ ids: z.array(z.uuid()).min(1).max(1000) }).strict();

export const RUN_STATUSES = ['succeeded', 'failed', 'skipped', 'stopped', 'waiting'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const ACTION_STATUSES = ['succeeded', 'failed', 'skipped', 'planned', 'waiting'] as const;

export const ZActionOutcome = z.object({
  index: z.number(),
  type: z.string(),
  status: z.enum(ACTION_STATUSES),
  error: z.string().nullable(),
  /** What the action did (or, in a dry run, would do): field changes, the task, the tags. */
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type TActionOutcome = z.infer<typeof ZActionOutcome>;

export const ZWorkflowRun = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  object: z.string(),
  recordId: z.string().nullable(),
  triggerEvent: z.string(),
  eventId: z.string().nullable(),
  depth: z.number(),
  status: z.enum(RUN_STATUSES),
  reason: z.string().nullable(),
  /** With `field_not_readable`: the fields the owner may no longer read. */
  reasonFields: z.array(z.string()).nullable(),
  actions: z.array(ZActionOutcome),
  startedAt: z.string(),
  durationMs: z.number(),
});
export type TWorkflowRun = z.infer<typeof ZWorkflowRun>;

export const ZRunsQuery = z
  .object({
    ruleId: z.uuid().optional(),
    recordId: z.uuid().optional(),
    status: z.enum(RUN_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.uuid().optional(),
  })
  .strict();
export type TRunsQuery = z.infer<typeof ZRunsQuery>;

export const ZDryRunRequest = z
  .object({
    recordId: z.uuid(),
    /** The rule as the builder holds it (unsaved); absent: the saved rule of the path. */
    rule: ZCreateWorkflowRuleRequest.optional(),
    /** Field changes to pretend the event carried, for `changed` conditions: `{"stage": {"from": "a", "to": "b"}}`. */
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).optional(),
  })
  .strict();
export type TDryRunRequest = z.infer<typeof ZDryRunRequest>;

export const ZDryRunResult = z.object({
  matched: z.boolean(),
  /** Why nothing would run: the conditions do not hold, or the record is gone. */
  reason: z.string().nullable(),
  actions: z.array(ZActionOutcome),
});
export type TDryRunResult = z.infer<typeof ZDryRunResult>;

export const ZHookToken = z.object({
  /** The secret; shown only now (only its hash is kept). */
  token: z.string(),
  /** Where to POST: `/api/v1/workflows/hooks/<token>`. */
  path: z.string(),
});

/** An inbound webhook call's body: a JSON object (at most 64 KB). */
export const ZHookBody = z.record(z.string(), z.unknown());
export const ZHookParams = z.object({ token: z.string().min(20).max(200) }).strict();

export const ZHookResult = z.object({
  /** Whether the rule's conditions held for the record. */
  matched: z.boolean(),
  recordId: z.string(),
  /** The run's status; null when nothing ran (conditions not met, or this call's Idempotency-Key already ran). */
  status: z.enum(RUN_STATUSES).nullable(),
});
