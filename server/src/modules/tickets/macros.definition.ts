import { z } from 'zod';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import { MACRO_FIELDS } from './macro-fields.definition.ts';

export const ZTicketMacro = z.object(MACRO_FIELDS.output);
export type TTicketMacro = z.infer<typeof ZTicketMacro>;
export const ZUpdateTicketMacroRequest = z.object(MACRO_FIELDS.input).partial().strict();
export const ZCreateTicketMacroRequest = ZUpdateTicketMacroRequest.required({ name: true });

/** Canned responses (macros): a record object, so roles, audit and export come from the registry. */
export const macroDefinition: ObjectDefinition<TTicketMacro> = {
  object: 'ticket_macro',
  table: 'ticket_macros',
  defaultSort: 'name',
  catalog: MACRO_FIELDS.catalog,
  sensitive: MACRO_FIELDS.sensitive,
  fields: MACRO_FIELDS.meta,
  references: MACRO_FIELDS.references,
  related: MACRO_FIELDS.related,
  toApi: (row, ctx) => MACRO_FIELDS.toApi(row, ctx) as Omit<TTicketMacro, 'owner'>,
  toColumns: (input, errors, cipher, write) => MACRO_FIELDS.toColumns(input, { errors, cipher, write }),
};
