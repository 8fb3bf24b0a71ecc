import { sql } from 'kysely';
import type { CountryCode } from 'libphonenumber-js';
import type { FieldError } from '#platform/errors/app-error.ts';
import { cleanPhoneInput, toE164 } from '#platform/phones.ts';
import { z } from 'zod';
import { datetime, enumOf, json, tags, text } from '#platform/objects/fields.ts';
import type { Catalog } from '#platform/query/catalog.ts';

export type Phone = { label?: string; number: string; e164: string | null };

export const LIFECYCLE_STAGES = ['subscriber', 'lead', 'opportunity', 'customer', 'evangelist', 'churned'] as const;

export const ZPhone = z.object({ label: z.string().max(30).optional(), number: z.string().min(3).max(40) }).strict();
export const ZPhoneOut = z.object({ label: z.string().optional(), number: z.string(), e164: z.string().nullable() });
export const ZEmail = z.object({ label: z.string().max(30).optional(), address: z.email().max(254) }).strict();
export const ZAddress = z
  .object({
    country: z.string().max(100).optional(),
    province: z.string().max(100).optional(),
    city: z.string().max(100).optional(),
    district: z.string().max(100).optional(),
    street: z.string().max(300).optional(),
    postcode: z.string().max(20).optional(),
  })
  .strict();

/** Filters on values inside the json fields (the first e-mail, any phone, the address parts). */
export const customerFilters: Catalog = {
  email: { type: 'text', expr: sql`(emails->0->>'address')`, nullable: true, sortable: true },
  phone: { type: 'text', expr: sql.ref('phone_digits'), nullable: false, sortable: false, field: 'phones' },
  country: { type: 'text', expr: sql`(address->>'country')`, nullable: true, sortable: true },
  province: { type: 'text', expr: sql`(address->>'province')`, nullable: true, sortable: true },
  city: { type: 'text', expr: sql`(address->>'city')`, nullable: true, sortable: true },
};

/** Validates phones to E.164 (numbers without a country code read in `region`), keeping what the user typed. */
export function normalizePhones(input: { label?: string | undefined; number: string }[], errors: FieldError[], region?: CountryCode): Phone[] {
  return input.map((p, i) => {
    const number = cleanPhoneInput(p.number);
    const e164 = toE164(number, region);
    if (!e164) errors.push({ field: `phones.${i}.number`, message: 'fields.invalid_phone' });
    return { ...(p.label ? { label: p.label } : {}), number, e164 };
  });
}

/** The fields companies and contacts share, declared once for both (`defineFields` in each definition). */
export const customerFields = () => ({
  phones: json({
    input: z.array(ZPhone).max(10),
    output: z.array(ZPhoneOut),
    classification: 'personal',
    write: (value, ctx) => normalizePhones(value as Phone[], ctx.errors, ctx.write.phoneRegion),
  }),
  emails: json({
    input: z.array(ZEmail).max(10),
    output: z.array(z.object({ label: z.string().optional(), address: z.string() })),
    classification: 'personal',
    write: (value) => (value as { address: string }[]).map((e) => ({ ...e, address: e.address.trim().toLowerCase() })),
  }),
  address: json({ input: ZAddress.nullable(), output: ZAddress.nullable(), classification: 'personal' }),
  source: text({ max: 50 }),
  tier: text({ max: 30 }),
  lifecycleStage: enumOf(LIFECYCLE_STAGES),
  tags: tags(),
  description: text({ max: 10000, filter: false }),
  lastActivityAt: datetime(),
});

/** jsonb columns come back parsed from the database but are strings when just prepared. */
export const parsed = <T>(value: unknown, fallback: T): T => (typeof value === 'string' ? (JSON.parse(value) as T) : ((value as T) ?? fallback));
