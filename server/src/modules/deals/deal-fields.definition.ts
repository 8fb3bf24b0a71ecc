import { z } from 'zod';
import {
  boolean,
  calendarDay,
  computed,
  date,
  datetime,
  decimal,
  enumOf,
  id,
  integer,
  recordFields,
  ref,
  refName,
  tags,
  text,
} from '#platform/objects/fields.ts';
import { defineFields } from '#platform/objects/object-fields.ts';

export const STAGE_TYPES = ['open', 'won', 'lost'] as const;
export type StageType = (typeof STAGE_TYPES)[number];
export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];
export const LOST_REASONS = ['price', 'competitor', 'no_budget', 'no_decision', 'timing', 'product_fit', 'unresponsive', 'other'] as const;
export type LostReason = (typeof LOST_REASONS)[number];

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
/** An ISO 4217 code the runtime knows (CNY, USD, EUR...). */
export const ZCurrency = z.string().refine((c) => CURRENCIES.has(c), 'deals.unknown_currency');

const AMOUNT = /^\d{1,18}(\.\d{1,2})?$/;
/** A non-negative decimal with at most 2 places, kept as a string (a JSON number is taken as written). */
export const ZAmount = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => AMOUNT.test(v), 'deals.invalid_amount');

const today = () => new Date().toISOString().slice(0, 10);
const forecast = enumOf(FORECAST_CATEGORIES, { required: true });

/** A deal's fields, declared once: catalog, mapping, request and response schemas derive from them. */
export const DEAL_FIELDS = defineFields({
  id: id(),
  name: text({ max: 200, required: true }),
  companyId: ref({ to: 'companies', named: true }),
  company: refName('company_id'),
  contactId: ref({ to: 'contacts', named: true }),
  contact: refName('contact_id'),
  pipelineId: ref({ required: true }),
  stageId: ref({ required: true }),
  status: enumOf(STAGE_TYPES, { required: true, readOnly: true }),
  amount: decimal({ required: true, input: ZAmount }),
  currency: text({ max: 3, required: true, input: ZCurrency }),
  amountBase: decimal({ readOnly: true }),
  baseCurrency: text({ max: 3, required: true, readOnly: true }),
  exchangeRate: decimal({ readOnly: true, filter: false }),
  probability: integer({ min: 0, max: 100, required: true }),
  expectedCloseDate: date(),
  /** null returns to the stage's default category (set by deal-prepare.service.ts with the stage). */
  forecastCategory: { ...forecast, input: z.enum(FORECAST_CATEGORIES).nullable(), platform: true },
  forecastCategoryManual: boolean({ readOnly: true, filter: false }),
  lostReason: enumOf(LOST_REASONS),
  lostNote: text({ max: 2000, filter: false }),
  leadId: ref({ readOnly: true }),
  stageEnteredAt: datetime({ required: true }),
  wonAt: datetime(),
  lostAt: datetime(),
  closedAt: datetime(),
  overdueAt: datetime(),
  // Live, so the flag is right before the scheduled check has run.
  isOverdue: computed(z.boolean(), (row) => {
    const close = calendarDay(row.expected_close_date);
    return row.status === 'open' && close !== null && close < today();
  }),
  lastActivityAt: datetime(),
  tags: tags(),
  description: text({ max: 10000, filter: false }),
  ...recordFields(),
});
