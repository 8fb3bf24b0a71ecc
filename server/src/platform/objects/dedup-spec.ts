import type { FieldCipher } from '../crypto/field-crypto.ts';
import type { Row } from '../records/records.repo.ts';

/** What duplicate detection compares of one record, before it normalises the values (modules/dedup). */
export type DedupCandidateInput = {
  id: string;
  name?: string | null | undefined;
  given?: string | null | undefined;
  family?: string | null | undefined;
  emails?: string[];
  phones?: (string | null)[];
  /** A keyed hash of an identifier (ID number, tax id): equal ones still meet, the clear value is never kept. */
  idHash?: string | null | undefined;
  birthday?: string | null | undefined;
  street?: string | null | undefined;
  city?: string | null | undefined;
  province?: string | null | undefined;
  postcode?: string | null | undefined;
  /** What places the record (a contact's company, a company's web domain); equal values count for a match. */
  org?: string | null | undefined;
  /** Exact match keys as `<field>=<value>` (a custom object's unique fields): an equal value of a field is strong evidence, a different one counts against. */
  keys?: string[];
};

/** Helpers a `candidate` gets from duplicate detection: the tenant's field cipher and its normalisers. */
export type DedupKeyContext = {
  cipher: FieldCipher;
  /** A keyed hash of an ID number or tax id (spaces and dashes dropped, upper case), or null when empty. */
  identifierHash: (value: string | null | undefined) => string | null;
  /** A company name without its legal form: 北京星辰科技有限公司 = 北京星辰科技; "Acme Co., Ltd." = acme. */
  companyCore: (name: string) => string;
  /** Lower case, width-folded, punctuation as single spaces. */
  normalizeText: (value: string | null | undefined) => string;
};

/**
 * How duplicate detection and merging read one object (its declaration's `dedup`, with the
 * `dedup` capability). modules/dedup enumerates the registry and never names an object.
 */
export type DedupSpec = {
  /** A row of the object's table -> what the detector compares. */
  candidate: (row: Row, k: DedupKeyContext) => DedupCandidateInput;
  /** The API fields a merge decides, in the order the comparison shows them (custom fields are added per key). */
  mergeFields: readonly string[];
  /** Rows of other tables whose column names this object's record: they move to the survivor of a merge (and back on unmerge). */
  followers?: readonly { table: string; column: string }[];
  /**
   * Bits of evidence at which a pair scores 0.5 (the detector's default is 10, for people and
   * companies compared on many fields). An object compared on fewer fields sets it lower.
   */
  offset?: number;
};
