import { z } from 'zod';

const days = z.number().int().min(1).max(3650);
/** A pool-capable object of the registry (`GET /api/v1/objects`, capability `pool`): `company` or `contact`. */
const object = z.string().min(1).max(63);
const count = z.number().int().min(0).max(100_000);

/** The rules of one pool; null switches a rule off. */
const ruleFields = {
  recycleEnabled: z.boolean(),
  followupDays: days.nullable().describe('Recycle when the customer has no follow-up (activity) for this many days'),
  dealDays: days.nullable().describe('Recycle when the owner wins no deal with the customer for this many days'),
  remindDays: z.number().int().min(0).max(365).nullable().describe('Remind the owner this many days before recycling'),
  maxHeld: count.nullable().describe('A user may hold at most this many customers to claim from this pool'),
  maxClaimsPerDay: count.nullable().describe('Claims per user per day (tenant time zone)'),
  reclaimCooldownDays: z.number().int().min(0).max(3650).describe('Days before a previous owner may claim the customer again'),
};

const poolFields = {
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).nullable(),
  position: z.number().int().min(0).max(10_000),
  teamIds: z.array(z.uuid()).max(500).describe('Teams (with their sub-teams) that see the pool; empty means everyone'),
  ...ruleFields,
};

export const ZPool = z.object({
  id: z.string(),
  object: object.describe('What the pool holds: companies, or contacts without a company (B2C customers)'),
  ...poolFields,
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  customerCount: z.number(),
  /** The caller's standing against the pool's limits, counting records of the pool's object. */
  mine: z.object({ held: z.number(), claimsToday: z.number() }),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TPool = z.infer<typeof ZPool>;

export const ZCreatePoolRequest = z
  .object({
    object: object.default('company').describe('What the pool holds (fixed once created); companies by default'),
    ...poolFields,
    description: poolFields.description.default(null),
    position: poolFields.position.default(0),
    teamIds: poolFields.teamIds.default([]),
    recycleEnabled: ruleFields.recycleEnabled.default(true),
    followupDays: ruleFields.followupDays.default(null),
    dealDays: ruleFields.dealDays.default(null),
    remindDays: ruleFields.remindDays.default(null),
    maxHeld: ruleFields.maxHeld.default(null),
    maxClaimsPerDay: ruleFields.maxClaimsPerDay.default(null),
    reclaimCooldownDays: ruleFields.reclaimCooldownDays.default(0),
  })
  .strict();
export type TCreatePoolRequest = z.infer<typeof ZCreatePoolRequest>;

// Without defaults: a default in a partial schema would overwrite what the PATCH left out.
// Without `object`: a pool keeps what it holds.
export const ZUpdatePoolRequest = z.object(poolFields).partial().strict();
export type TUpdatePoolRequest = z.infer<typeof ZUpdatePoolRequest>;

const ZMaskedContact = z.object({ id: z.string(), name: z.string(), title: z.string().nullable(), phones: z.array(z.string()), emails: z.array(z.string()) });

/** A record in a pool (a company, or a B2C contact): what a rep needs to decide to claim it, with contact details masked. */
export const ZPoolCustomer = z.object({
  object: object,
  id: z.string(),
  name: z.string(),
  /** Companies. */
  industry: z.string().nullable(),
  /** Contacts: the job title. */
  title: z.string().nullable(),
  city: z.string().nullable(),
  source: z.string().nullable(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  poolId: z.string(),
  pooledAt: z.string().nullable(),
  pooledReason: z.string().nullable(),
  returnReason: z.string().nullable(),
  previousOwner: z.object({ id: z.string(), name: z.string() }).nullable(),
  lastActivityAt: z.string().nullable(),
  /** When the caller (as previous owner) may claim it again; null when they may now. */
  cooldownUntil: z.string().nullable(),
  /** A company's contacts (up to three, masked); empty for a contact. */
  contacts: z.array(ZMaskedContact),
  contactCount: z.number(),
});
export type TPoolCustomer = z.infer<typeof ZPoolCustomer>;

export const ZPoolCustomersQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();
export type TPoolCustomersQuery = z.infer<typeof ZPoolCustomersQuery>;

/** `recordId`: the company or contact in the pool (the path segment was named companyId before contact pools). */
export const ZPoolCustomerParams = z.object({ id: z.uuid(), recordId: z.uuid() }).strict();

export const ZAssignRequest = z.object({ userId: z.uuid() }).strict();
export const ZReturnRequest = z.object({ reason: z.string().max(500), poolId: z.uuid().optional() }).strict();
export const ZLockRequest = z.object({ locked: z.boolean() }).strict();

/** The result of a claim, assignment or return. */
export const ZPoolMove = z.object({
  object: object,
  recordId: z.string(),
  /** The company moved; null when a contact moved (see recordId). */
  companyId: z.string().nullable(),
  poolId: z.string(),
  ownerId: z.string().nullable(),
  at: z.string(),
});
export type TPoolMove = z.infer<typeof ZPoolMove>;

/** A customer of the rep (a company, or a B2C contact) that the pool rules will take back soon. */
export const ZExpiringCustomer = z.object({
  object: object,
  id: z.string(),
  name: z.string(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  poolId: z.string(),
  poolName: z.string(),
  reason: z.enum(['no_followup', 'no_won_deal']),
  dueAt: z.string(),
  daysLeft: z.number(),
  lastActivityAt: z.string().nullable(),
  lastWonAt: z.string().nullable(),
});
export type TExpiringCustomer = z.infer<typeof ZExpiringCustomer>;

export const ZLockedCustomer = z.object({
  object: object,
  id: z.string(),
  name: z.string(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  lastActivityAt: z.string().nullable(),
});
export type TLockedCustomer = z.infer<typeof ZLockedCustomer>;

export const ZExpiringQuery = z
  .object({
    days: z.coerce.number().int().min(0).max(365).default(14).describe('Due within this many days (overdue ones included)'),
    ownerId: z.uuid().optional().describe('A colleague in the caller’s scope; the caller by default'),
    object: object.optional().describe('Only this pool-capable object; every one the caller may read by default'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const ZLockResult = z.object({
  object: object,
  recordId: z.string(),
  /** The company locked or unlocked; null for a contact (see recordId). */
  companyId: z.string().nullable(),
  locked: z.boolean(),
});
export type TLockResult = z.infer<typeof ZLockResult>;

export const ZRecycleRunRequest = z
  .object({ asOf: z.iso.datetime({ offset: true }).optional().describe('Only with KEHU_TEST_CLOCK=1: run as if it were this time') })
  .strict();
export const ZRecycleRunResult = z.object({ recycled: z.number(), reminded: z.number(), asOf: z.string() });
