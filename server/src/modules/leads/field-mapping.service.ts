import type { Tx } from '#db/tx.ts';
import { listDefs } from '#platform/custom-fields/custom-fields.repo.ts';
import type { FieldError } from '#platform/errors/app-error.ts';
import { COMPANY_TARGETS, CONTACT_TARGETS, MAPPABLE_LEAD_FIELDS, type TFieldMapping } from './lead-settings.schema.ts';
import type { TLead } from './leads.schema.ts';

/** Every `from` is a lead field or lead custom field; every `to` a field of its target or one of its custom fields. */
export async function validateMapping(tx: Tx, mapping: TFieldMapping[]): Promise<FieldError[]> {
  const defs = await listDefs(tx);
  const customOf = (object: string) => new Set(defs.filter((d) => d.object === object).map((d) => `custom.${d.key}`));
  const leadFields = new Set<string>([...MAPPABLE_LEAD_FIELDS, ...customOf('lead')]);
  const targets = {
    contact: new Set<string>([...CONTACT_TARGETS, ...customOf('contact')]),
    company: new Set<string>([...COMPANY_TARGETS, ...customOf('company')]),
  };
  const errors: FieldError[] = [];
  mapping.forEach((m, i) => {
    if (!leadFields.has(m.from)) errors.push({ field: `conversionMapping.${i}.from`, message: 'fields.unknown_field' });
    if (!targets[m.target].has(m.to)) errors.push({ field: `conversionMapping.${i}.to`, message: 'fields.unknown_field' });
  });
  return errors;
}

const isEmpty = (v: unknown) => v == null || v === '' || (Array.isArray(v) && v.length === 0);

function read(lead: TLead, from: string): unknown {
  if (from.startsWith('custom.')) return lead.custom[from.slice(7)];
  const value = (lead as Record<string, unknown>)[from];
  if (from === 'phones') return lead.phones.map((p) => ({ ...(p.label ? { label: p.label } : {}), number: p.e164 ?? p.number }));
  if (from === 'emails') return lead.emails.map((e) => ({ ...(e.label ? { label: e.label } : {}), address: e.address }));
  return value;
}

function write(target: Record<string, unknown>, to: string, value: unknown) {
  const [head, key] = to.split('.') as [string, string | undefined];
  if (!key) target[head] = value;
  else target[head] = { ...((target[head] as Record<string, unknown> | undefined) ?? {}), [key]: value };
}

/** Builds contact and company create inputs from a lead through the tenant's mapping; empty values are skipped. */
export function applyMapping(lead: TLead, mapping: TFieldMapping[]): { contact: Record<string, unknown>; company: Record<string, unknown> } {
  const out = { contact: {} as Record<string, unknown>, company: {} as Record<string, unknown> };
  for (const m of mapping) {
    const value = read(lead, m.from);
    if (isEmpty(value)) continue;
    write(out[m.target], m.to, value);
  }
  return out;
}
