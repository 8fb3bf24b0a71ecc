import type { Row } from '#platform/records/records.repo.ts';
import { toE164 } from '#platform/phones.ts';
import { LEAD_COLUMNS } from './leads.definition.ts';

const empty = (v: unknown) => v == null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * A merge fills what the existing lead lacks and never overwrites: empty fields take the new
 * value, emails / phones / tags are unioned, custom fields fill missing keys. Status and owner stay.
 */
export function mergeInput(existing: Row, input: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [field, col] of Object.entries(LEAD_COLUMNS)) {
    if (field === 'status' || field === 'unqualifiedReason' || field === 'name') continue;
    if (!empty(input[field]) && empty(existing[col])) patch[field] = input[field];
  }
  const emails = existing.emails as { address: string; label?: string }[];
  const newEmails = ((input.emails as { address: string }[] | undefined) ?? []).filter(
    (e) => !emails.some((x) => x.address === e.address.trim().toLowerCase()),
  );
  if (newEmails.length) patch.emails = [...emails, ...newEmails];
  const phones = existing.phones as { number: string; e164: string | null; label?: string }[];
  const newPhones = ((input.phones as { number: string }[] | undefined) ?? []).filter(
    (p) => !phones.some((x) => x.number === p.number.trim() || (x.e164 !== null && x.e164 === toE164(p.number))),
  );
  if (newPhones.length) patch.phones = [...phones.map(({ e164: _e, ...p }) => p), ...newPhones];
  const tags = existing.tags as string[];
  const newTags = ((input.tags as string[] | undefined) ?? []).filter((t) => !tags.includes(t));
  if (newTags.length) patch.tags = [...tags, ...newTags];
  const custom = existing.custom as Record<string, unknown>;
  const newCustom = Object.entries((input.custom as Record<string, unknown> | undefined) ?? {}).filter(([k, v]) => empty(custom[k]) && !empty(v));
  if (newCustom.length) patch.custom = Object.fromEntries(newCustom);
  return patch;
}
