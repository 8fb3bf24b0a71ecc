import { column } from '#platform/query/catalog.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import type { Row } from '#platform/records/records.repo.ts';
import { searchTextOf } from '#platform/records/search.ts';
import { prepareDeal } from './deal-prepare.service.ts';
import { recordStageChange } from './deal-stage.events.ts';
import { FORECAST_CATEGORIES, LOST_REASONS, STAGE_TYPES, type ForecastCategory, type StageType, type TDeal } from './deals.schema.ts';
import { phoneDigitsOfLinks } from './deals.repo.ts';

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : d == null ? null : String(d));
const day = (d: unknown): string | null =>
  d == null ? null : d instanceof Date ? (d.getUTCHours() === 0 ? d.toISOString().slice(0, 10) : d.toLocaleDateString('sv')) : String(d).slice(0, 10);

/** API field -> column for the fields stored as they come (the rules derive the rest). */
const SIMPLE: Record<string, string> = {
  name: 'name',
  companyId: 'company_id',
  contactId: 'contact_id',
  pipelineId: 'pipeline_id',
  stageId: 'stage_id',
  amount: 'amount',
  currency: 'currency',
  probability: 'probability',
  expectedCloseDate: 'expected_close_date',
  lostReason: 'lost_reason',
  lostNote: 'lost_note',
  description: 'description',
  leadId: 'lead_id',
};

export const dealDefinition: ObjectDefinition<TDeal> = {
  object: 'deal',
  table: 'deals',
  defaultSort: '-createdAt',
  catalog: {
    id: column('id', 'uuid', { nullable: false }),
    name: column('name', 'text', { nullable: false }),
    companyId: column('company_id', 'uuid'),
    contactId: column('contact_id', 'uuid'),
    pipelineId: column('pipeline_id', 'uuid', { nullable: false }),
    stageId: column('stage_id', 'uuid', { nullable: false }),
    status: column('status', 'enum', { nullable: false, values: STAGE_TYPES }),
    amount: column('amount', 'decimal', { nullable: false }),
    currency: column('currency', 'text', { nullable: false }),
    amountBase: column('amount_base', 'decimal'),
    probability: column('probability', 'number', { nullable: false }),
    expectedCloseDate: column('expected_close_date', 'date'),
    forecastCategory: column('forecast_category', 'enum', { nullable: false, values: FORECAST_CATEGORIES }),
    lostReason: column('lost_reason', 'enum', { values: LOST_REASONS }),
    leadId: column('lead_id', 'uuid'),
    ownerId: column('owner_id', 'uuid'),
    tags: column('tags', 'tags'),
    stageEnteredAt: column('stage_entered_at', 'datetime', { nullable: false }),
    wonAt: column('won_at', 'datetime'),
    lostAt: column('lost_at', 'datetime'),
    closedAt: column('closed_at', 'datetime'),
    overdueAt: column('overdue_at', 'datetime'),
    lastActivityAt: column('last_activity_at', 'datetime'),
    createdAt: column('created_at', 'datetime', { nullable: false }),
    updatedAt: column('updated_at', 'datetime', { nullable: false }),
    createdBy: column('created_by', 'uuid'),
  },
  sensitive: [],
  references: { owner_id: 'users', company_id: 'companies', contact_id: 'contacts' },
  related: { company_id: 'companies', contact_id: 'contacts' },
  toApi: (row: Row, { related }) => {
    const status = row.status as StageType;
    const close = day(row.expected_close_date);
    return {
      id: row.id,
      name: row.name as string,
      companyId: row.company_id as string | null,
      company: row.company_id ? (related.get(row.company_id as string) ?? null) : null,
      contactId: row.contact_id as string | null,
      contact: row.contact_id ? (related.get(row.contact_id as string) ?? null) : null,
      pipelineId: row.pipeline_id as string,
      stageId: row.stage_id as string,
      status,
      amount: row.amount as string,
      currency: row.currency as string,
      amountBase: row.amount_base as string | null,
      baseCurrency: row.base_currency as string,
      exchangeRate: row.exchange_rate as string | null,
      probability: row.probability as number,
      expectedCloseDate: close,
      forecastCategory: row.forecast_category as ForecastCategory,
      forecastCategoryManual: row.forecast_category_manual as boolean,
      lostReason: row.lost_reason as string | null,
      lostNote: row.lost_note as string | null,
      leadId: row.lead_id as string | null,
      stageEnteredAt: iso(row.stage_entered_at) as string,
      wonAt: iso(row.won_at),
      lostAt: iso(row.lost_at),
      closedAt: iso(row.closed_at),
      overdueAt: iso(row.overdue_at),
      // Live, so the flag is right before the scheduled check has run.
      isOverdue: status === 'open' && close !== null && close < new Date().toISOString().slice(0, 10),
      lastActivityAt: iso(row.last_activity_at),
      tags: row.tags as string[],
      description: row.description as string | null,
      ownerId: row.owner_id,
      custom: row.custom as Record<string, unknown>,
      createdAt: iso(row.created_at) as string,
      createdBy: row.created_by as string | null,
      updatedAt: iso(row.updated_at) as string,
      updatedBy: row.updated_by as string | null,
      version: row.version,
      deletedAt: iso(row.deleted_at),
    };
  },
  toColumns: (input) => {
    const columns: Record<string, unknown> = {};
    for (const [field, col] of Object.entries(SIMPLE)) if (field in input) columns[col] = input[field];
    if ('tags' in input) columns.tags = [...new Set(input.tags as string[])];
    return columns;
  },
  prepare: async (o) => {
    await prepareDeal(o);
    const merged = { ...o.existing, ...o.columns };
    o.columns.phone_digits = await phoneDigitsOfLinks(o.tx, {
      companyId: (merged.company_id as string) ?? null,
      contactId: (merged.contact_id as string) ?? null,
    });
  },
  derived: (merged, related) => ({
    search_text: searchTextOf([
      merged.name as string,
      related.get(merged.company_id as string)?.name,
      related.get(merged.contact_id as string)?.name,
      ...((merged.tags as string[] | undefined) ?? []),
    ]),
  }),
  afterWrite: recordStageChange,
};
