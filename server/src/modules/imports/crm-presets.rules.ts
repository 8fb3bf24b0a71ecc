import type { ImportObject } from './import-fields.definition.ts';

/** Other CRMs whose export files we recognise by their header row. */
export const CRM_PRESETS = ['salesforce', 'hubspot', 'zoho', 'suitecrm'] as const;
export type CrmPreset = (typeof CRM_PRESETS)[number];

type HeaderMap = Record<string, string>;
type Preset = {
  /** Headers only this system writes; two of them present identify the file. */
  signature: string[];
  /** Contacts and companies; other objects get suggestions only. */
  fields: Record<'contact' | 'company', HeaderMap> & Partial<Record<ImportObject, HeaderMap>>;
};

// Header names as these systems write them in their CSV exports (API names from Salesforce's
// Data Loader / Data Export and SuiteCRM's database fields, plus the labels their list and report
// exports use). Compared after the same normalisation as suggestions (lowercase, no spaces/punctuation).
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
  fields: {
    contact: {
      firstname: 'givenName',
      lastname: 'familyName',
      name: 'name',
      accountname: 'company',
      title: 'title',
      department: 'department',
      email: 'email',
      phone: 'phone',
      mobilephone: 'mobile',
      mobile: 'mobile',
      homephone: 'phone',
      otherphone: 'phone',
      birthdate: 'birthday',
      mailingstreet: 'street',
      mailingcity: 'city',
      mailingstate: 'province',
      mailingstateprovince: 'province',
      mailingpostalcode: 'postcode',
      mailingzippostalcode: 'postcode',
      mailingcountry: 'country',
      leadsource: 'source',
      description: 'description',
    },
    company: {
      name: 'name',
      accountname: 'name',
      industry: 'industry',
      website: 'website',
      phone: 'phone',
      numberofemployees: 'employees',
      employees: 'employees',
      annualrevenue: 'annualRevenue',
      billingstreet: 'street',
      billingcity: 'city',
      billingstate: 'province',
      billingstateprovince: 'province',
      billingpostalcode: 'postcode',
      billingzippostalcode: 'postcode',
      billingcountry: 'country',
      accountsource: 'source',
      rating: 'tier',
      description: 'description',
    },
  },
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
  fields: {
    contact: {
      firstname: 'givenName',
      lastname: 'familyName',
      email: 'email',
      phonenumber: 'phone',
      mobilephonenumber: 'mobile',
      companyname: 'company',
      associatedcompany: 'company',
      jobtitle: 'title',
      streetaddress: 'street',
      city: 'city',
      stateregion: 'province',
      postalcode: 'postcode',
      countryregion: 'country',
      originalsource: 'source',
      lifecyclestage: 'lifecycleStage',
      dateofbirth: 'birthday',
    },
    company: {
      companyname: 'name',
      name: 'name',
      companydomainname: 'website',
      websiteurl: 'website',
      industry: 'industry',
      phonenumber: 'phone',
      streetaddress: 'street',
      city: 'city',
      stateregion: 'province',
      postalcode: 'postcode',
      countryregion: 'country',
      numberofemployees: 'employees',
      annualrevenue: 'annualRevenue',
      description: 'description',
      lifecyclestage: 'lifecycleStage',
    },
  },
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
  fields: {
    contact: {
      firstname: 'givenName',
      lastname: 'familyName',
      accountname: 'company',
      email: 'email',
      secondaryemail: 'email',
      title: 'title',
      department: 'department',
      phone: 'phone',
      otherphone: 'phone',
      homephone: 'phone',
      mobile: 'mobile',
      dateofbirth: 'birthday',
      mailingstreet: 'street',
      mailingcity: 'city',
      mailingstate: 'province',
      mailingzip: 'postcode',
      mailingcountry: 'country',
      leadsource: 'source',
      description: 'description',
      tag: 'tags',
    },
    company: {
      accountname: 'name',
      phone: 'phone',
      website: 'website',
      industry: 'industry',
      employees: 'employees',
      annualrevenue: 'annualRevenue',
      billingstreet: 'street',
      billingcity: 'city',
      billingstate: 'province',
      billingcode: 'postcode',
      billingcountry: 'country',
      rating: 'tier',
      description: 'description',
      tag: 'tags',
    },
  },
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
  fields: {
    contact: {
      firstname: 'givenName',
      lastname: 'familyName',
      title: 'title',
      department: 'department',
      accountname: 'company',
      email1: 'email',
      emailaddress: 'email',
      phonework: 'phone',
      officephone: 'phone',
      phonehome: 'phone',
      homephone: 'phone',
      phonemobile: 'mobile',
      mobilephone: 'mobile',
      birthdate: 'birthday',
      primaryaddressstreet: 'street',
      primaryaddresscity: 'city',
      primaryaddressstate: 'province',
      primaryaddresspostalcode: 'postcode',
      primaryaddresscountry: 'country',
      leadsource: 'source',
      description: 'description',
    },
    company: {
      name: 'name',
      phoneoffice: 'phone',
      officephone: 'phone',
      website: 'website',
      industry: 'industry',
      employees: 'employees',
      annualrevenue: 'annualRevenue',
      email1: 'email',
      billingaddressstreet: 'street',
      billingaddresscity: 'city',
      billingaddressstate: 'province',
      billingaddresspostalcode: 'postcode',
      billingaddresscountry: 'country',
      description: 'description',
    },
  },
};

const PRESETS: Record<CrmPreset, Preset> = { salesforce: SALESFORCE, hubspot: HUBSPOT, zoho: ZOHO, suitecrm: SUITECRM };

export const normalizeHeader = (header: string) =>
  header
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\s_\-.:：()（）*#/]/g, '');

/**
 * The CRM whose export this header row looks like: the one with the most signature headers
 * (at least two), ties broken by how many columns its field map covers.
 */
export function detectPreset(headers: string[]): CrmPreset | null {
  const present = new Set(headers.map(normalizeHeader));
  let best: { preset: CrmPreset; score: number } | null = null;
  for (const preset of CRM_PRESETS) {
    const p = PRESETS[preset];
    const signature = p.signature.filter((h) => present.has(h)).length;
    if (signature < 2) continue;
    const covered = [...present].filter((h) => h in p.fields.contact || h in p.fields.company).length;
    const score = signature * 1000 + covered;
    if (!best || score > best.score) best = { preset, score };
  }
  return best?.preset ?? null;
}

/** The preset's mapping for this object's columns (only the headers it knows). */
export function presetMapping(preset: CrmPreset, object: ImportObject, headers: string[]): { column: number; field: string }[] {
  const map = PRESETS[preset].fields[object] ?? {};
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
