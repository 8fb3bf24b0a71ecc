import type { DedupCandidateInput } from '#platform/objects/dedup-spec.ts';
import { normalizeName, normalizeText } from './text.rules.ts';

/** What the detector knows of one record: normalised values only, no clear sensitive data kept. */
export type Candidate = {
  id: string;
  /** Whole name, normalised (张伟, "john smith"). */
  name: string;
  given: string;
  family: string;
  emails: string[];
  /** E.164. */
  phones: string[];
  /** A keyed hash of the normalised ID number (or company tax id), never the number. */
  idHash: string | null;
  birthday: string | null;
  street: string;
  streetNumber: string;
  postcode: string;
  city: string;
  province: string;
  /** Contacts: their company; companies: their web domain. */
  org: string | null;
  /** Exact match keys, `<field>=<value>` (a custom object's unique fields). */
  keys: string[];
};

/** What an object's dedup spec gives the detector (declared once, in the platform's DedupSpec). */
export type CandidateInput = DedupCandidateInput;

/** A leading house number ("48 goldfinch circuit", "88号") is compared apart from the street. */
function splitStreet(street: string): { number: string; rest: string } {
  const m = /^(\d+[a-z]?)\s+(.*)$/.exec(street) ?? /^(.*?)(\d+)\s*号?$/.exec(street);
  if (!m) return { number: '', rest: street };
  return /^\d/.test(m[1] as string) ? { number: m[1] as string, rest: m[2] as string } : { number: m[2] as string, rest: (m[1] as string).trim() };
}

export function toCandidate(input: CandidateInput): Candidate {
  const street = normalizeText(input.street);
  const { number, rest } = splitStreet(street);
  return {
    id: input.id,
    name: normalizeName(input.name ?? [input.given, input.family].filter(Boolean).join(' ')),
    given: normalizeName(input.given),
    family: normalizeName(input.family),
    emails: [...new Set((input.emails ?? []).map((e) => e.trim().toLowerCase()).filter(Boolean))],
    phones: [...new Set((input.phones ?? []).filter((p): p is string => !!p))],
    idHash: input.idHash ?? null,
    birthday: input.birthday ?? null,
    street: rest,
    streetNumber: number,
    postcode: normalizeText(input.postcode).replace(/\s/g, ''),
    city: normalizeText(input.city),
    province: normalizeText(input.province),
    org: input.org ?? null,
    keys: [...new Set(input.keys ?? [])],
  };
}
