import { z } from 'zod';

/** Who approves a step: a named user, everyone with a role, or the record owner's manager `level` steps up the team tree. */
export const ZApproverSpec = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user'), userId: z.uuid() }).strict(),
  z.object({ type: z.literal('role'), roleId: z.uuid() }).strict(),
  z.object({ type: z.literal('manager'), level: z.number().int().min(1).max(5).default(1) }).strict(),
]);
export type TApproverSpec = z.infer<typeof ZApproverSpec>;

/** A filter in the list API's grammar (`{"amount":{"gt":1000000}}`). */
const ZFilter = z.record(z.string(), z.unknown());

export const TIMEOUT_ACTIONS = ['remind', 'escalate', 'approve', 'reject'] as const;

export const ZStep = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** Checked by the service (an empty list is a translated refusal, not a schema error). */
    approvers: z.array(ZApproverSpec).max(20),
    /** any: the first approval decides the step; all: every approver must approve. */
    mode: z.enum(['any', 'all']).default('any'),
    /** The step applies only to records matching this filter (null: always); otherwise it is skipped. */
    criteria: ZFilter.nullable().default(null),
    /** Business hours (on `calendarId`'s calendar) without an answer before `onTimeout`; null: wait forever. */
    timeoutHours: z
      .number()
      .positive()
      .max(24 * 90)
      .nullable()
      .default(null),
    onTimeout: z.enum(TIMEOUT_ACTIONS).default('escalate'),
    /** The business calendar `timeoutHours` counts on (Settings > Business hours); null: the tenant's default. */
    calendarId: z.uuid().nullable().default(null),
  })
  .strict();
export type TStep = z.infer<typeof ZStep>;

/** What happens to the record when a request ends this way. */
export const ZOutcome = z
  .object({
    fieldUpdates: z
      .array(z.object({ field: z.string().min(1).max(100), value: z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]) }).strict())
      .max(20)
      .default([]),
    notify: z
      .array(z.enum(['submitter', 'owner', 'approvers']))
      .max(3)
      .default(['submitter']),
  })
  .strict();
export type TOutcome = z.infer<typeof ZOutcome>;

export const ZCreateApprovalProcessRequest = z
  .object({
    object: z.string().min(1).max(100),
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).nullable().optional(),
    criteria: ZFilter.nullable().optional(),
    steps: z.array(ZStep).max(10),
    onApproved: ZOutcome.optional(),
    onRejected: ZOutcome.optional(),
    enabled: z.boolean().optional(),
    position: z.number().int().min(0).max(10000).optional(),
  })
  .strict();
export type TCreateApprovalProcessRequest = z.infer<typeof ZCreateApprovalProcessRequest>;

export const ZUpdateApprovalProcessRequest = ZCreateApprovalProcessRequest.partial().strict();
export type TUpdateApprovalProcessRequest = z.infer<typeof ZUpdateApprovalProcessRequest>;

export const ZApprovalProcess = z.object({
  id: z.uuid(),
  object: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  criteria: ZFilter.nullable(),
  steps: z.array(ZStep),
  onApproved: ZOutcome,
  onRejected: ZOutcome,
  enabled: z.boolean(),
  position: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TApprovalProcess = z.infer<typeof ZApprovalProcess>;

export const REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'recalled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const TASK_STATUSES = ['pending', 'approved', 'rejected', 'cancelled', 'reassigned', 'escalated'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const ZApprovalTask = z.object({
  id: z.uuid(),
  stepIndex: z.number().int(),
  approverId: z.uuid(),
  approverName: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  comment: z.string().nullable(),
  delegatedFromId: z.uuid().nullable(),
  delegatedFromName: z.string().nullable(),
  createdAt: z.string(),
  dueAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type TApprovalTask = z.infer<typeof ZApprovalTask>;

export const STEP_STATES = ['waiting', 'pending', 'approved', 'rejected', 'skipped', 'cancelled'] as const;

export const ZApprovalRequest = z.object({
  id: z.uuid(),
  processId: z.uuid(),
  processName: z.string(),
  object: z.string(),
  recordId: z.uuid(),
  recordName: z.string().nullable(),
  status: z.enum(REQUEST_STATUSES),
  stepIndex: z.number().int(),
  steps: z.array(z.object({ name: z.string(), mode: z.enum(['any', 'all']), state: z.enum(STEP_STATES) })),
  tasks: z.array(ZApprovalTask),
  submittedById: z.uuid().nullable(),
  submittedByName: z.string().nullable(),
  submitComment: z.string().nullable(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  /** What the asking user may do now. */
  mine: z.object({ canDecide: z.boolean(), canRecall: z.boolean() }),
  version: z.number().int(),
});
export type TApprovalRequest = z.infer<typeof ZApprovalRequest>;

export const ZSubmitApprovalRequest = z
  .object({
    object: z.string().min(1).max(100),
    recordId: z.uuid(),
    processId: z.uuid().optional(),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();
export type TSubmitApprovalRequest = z.infer<typeof ZSubmitApprovalRequest>;

export const ZDecisionRequest = z.object({ comment: z.string().trim().max(2000).optional() }).strict();
export type TDecisionRequest = z.infer<typeof ZDecisionRequest>;

export const ZReassignRequest = z.object({ userId: z.uuid(), comment: z.string().trim().max(2000).optional() }).strict();
export type TReassignRequest = z.infer<typeof ZReassignRequest>;

export const ZApprovalListQuery = z
  .object({
    /** inbox: waiting for me; submitted: mine; all: every request (admins). */
    box: z.enum(['inbox', 'submitted', 'all']).default('inbox'),
    status: z.enum(REQUEST_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.uuid().optional(),
  })
  .strict();
export type TApprovalListQuery = z.infer<typeof ZApprovalListQuery>;

export const ZRecordParams = z.object({ object: z.string().min(1).max(100), recordId: z.uuid() }).strict();

export const ZRecordApprovals = z.object({
  /** The pending request, if the record is locked by one. */
  pending: ZApprovalRequest.nullable(),
  history: z.array(ZApprovalRequest),
  /** Enabled processes whose entry criteria the record matches: what "Submit for approval" offers. */
  processes: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type TRecordApprovals = z.infer<typeof ZRecordApprovals>;
