import type { ImportSpec } from '#platform/objects/import-spec.ts';

/** Other CRMs whose export files we recognise by their header row. */
export const CRM_PRESETS = ['salesforce', 'hubspot', 'zoho', 'suitecrm'] as const;
export type CrmPreset = (typeof CRM_PRESETS)[number];

type Preset = {
  /** Headers only this system writes; two of them present identify the file. */
  signature: string[];
};

// Header names only these systems write in their CSV exports (API names from Salesforce's Data
// Loader / Data Export and SuiteCRM's database fields). Compared after the same normalisation as
// suggestions (lowercase, no spaces/punctuation). Which header goes to which field is the object's
// own business: its import spec's `presets` (contacts' and companies' in the customers module).
const SALESFORCE: Preset = {
  signature: [
    'accountid',
    'mailingcity',
    'mailingstreet',
    'mailingpostalcode',
    'billingpostalcode',
    'mailingstateprovince',
    'contactowner',
    'accountowner',
    'mailingzippostalcode',
    'billingzippostalcode',
    'ownerid',
    'leadsource',
    'accountsource',
    'isdeleted',
    'systemmodstamp',
  ],
};

const HUBSPOT: Preset = {
  signature: [
    'recordid',
    'lifecyclestage',
    'contactowner',
    'companyowner',
    'stateregion',
    'countryregion',
    'createdate',
    'associatedcompany',
    'companydomainname',
    'originalsource',
    'hubspotowner',
  ],
};

const ZOHO: Preset = {
  signature: [
    'recordid',
    'contactowner',
    'accountowner',
    'mailingzip',
    'billingcode',
    'dateofbirth',
    'leadsource',
    'mailingstate',
    'billingstate',
    'accounttype',
    'skypeid',
    'secondaryemail',
  ],
};

const SUITECRM: Preset = {
  signature: [
    'primaryaddressstreet',
    'primaryaddresscity',
    'primaryaddresspostalcode',
    'phonework',
    'phonemobile',
    'phoneoffice',
    'assignedusername',
    'dateentered',
    'billingaddresscity',
    'billingaddressstreet',
    'email1',
    'officephone',
    'assigneduser',
  ],
};

const PRESETS: Record<CrmPreset, Preset> = { salesforce: SALESFORCE, hubspot: HUBSPOT, zoho: ZOHO, suitecrm: SUITECRM };

export const normalizeHeader = (header: string) =>
  header
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\s_\-.:：()（）*#/]/g, '');

/**
 * The CRM whose export this header row looks like: the one with the most signature headers
 * (at least two), ties broken by how many columns the objects' preset maps (`specs`) cover.
 */
export function detectPreset(headers: string[], specs: readonly Pick<ImportSpec, 'presets'>[]): CrmPreset | null {
  const present = new Set(headers.map(normalizeHeader));
  let best: { preset: CrmPreset; score: number } | null = null;
  for (const preset of CRM_PRESETS) {
    const p = PRESETS[preset];
    const signature = p.signature.filter((h) => present.has(h)).length;
    if (signature < 2) continue;
    const maps = specs.flatMap((s): Readonly<Record<string, string>>[] => {
      const m = s.presets?.[preset];
      return m ? [m] : [];
    });
    const covered = [...present].filter((h) => maps.some((m) => h in m)).length;
    const score = signature * 1000 + covered;
    if (!best || score > best.score) best = { preset, score };
  }
  return best?.preset ?? null;
}

/** The preset's mapping for this object's columns (only the headers its spec's preset map knows). */
export function presetMapping(preset: CrmPreset, spec: Pick<ImportSpec, 'presets'>, headers: string[]): { column: number; field: string }[] {
  const map = spec.presets?.[preset] ?? {};
  const taken = new Set<string>();
  const out: { column: number; field: string }[] = [];
  headers.forEach((header, column) => {
    const field = map[normalizeHeader(header)];
    if (!field || (taken.has(field) && field !== 'phone' && field !== 'mobile' && field !== 'email')) return;
    taken.add(field);
    out.push({ column, field });
  });
  return out;
}
