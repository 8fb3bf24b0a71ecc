import { newId } from '#platform/ids.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import { searchTextOf } from '#platform/records/search.ts';
import { QUOTE_FIELDS } from './quote-fields.definition.ts';
import { prepareQuote, TRANSITION, type Transition } from './quote-prepare.service.ts';
import type { TQuote } from './quotes.schema.ts';

/** The module's own writes (status, a revision's numbering) as columns. */
function transitionColumns(t: Transition): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (t.status !== undefined) columns.status = t.status;
  if (t.latest !== undefined) columns.latest = t.latest;
  if (t.sentAt !== undefined) columns.sent_at = t.sentAt;
  if (t.decidedAt !== undefined) columns.decided_at = t.decidedAt;
  if (t.number !== undefined) columns.number = t.number;
  if (t.revision !== undefined) columns.revision = t.revision;
  if (t.familyId !== undefined) columns.family_id = t.familyId;
  if (t.previousId !== undefined) columns.previous_id = t.previousId;
  return columns;
}

export const quoteDefinition: ObjectDefinition<TQuote> = {
  object: 'quote',
  table: 'quotes',
  defaultSort: '-createdAt',
  catalog: QUOTE_FIELDS.catalog,
  sensitive: QUOTE_FIELDS.sensitive,
  fields: QUOTE_FIELDS.meta,
  references: QUOTE_FIELDS.references,
  related: QUOTE_FIELDS.related,
  toApi: (row, ctx) => QUOTE_FIELDS.toApi(row, ctx) as Omit<TQuote, 'owner'>,
  toColumns: (input, errors, cipher, write) => {
    const columns = QUOTE_FIELDS.toColumns(input, { errors, cipher, write });
    const t = input[TRANSITION] as Transition | undefined;
    return t ? Object.assign(columns, transitionColumns(t)) : columns;
  },
  prepare: async (o) => {
    // A new quote starts a family of versions; a revision brings its family's id (transitionColumns).
    if (!o.existing && !o.columns.family_id) o.columns.family_id = newId();
    await prepareQuote(o);
  },
  derived: (merged, related) => ({
    search_text: searchTextOf([
      merged.number as string,
      merged.name as string,
      related.get(merged.company_id as string)?.name,
      related.get(merged.contact_id as string)?.name,
      related.get(merged.deal_id as string)?.name,
    ]),
  }),
};
