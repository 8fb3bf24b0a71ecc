import { describe, expect, it } from 'vitest';
import { companyImport, contactImport } from '#modules/customers/index.ts';
import { detectPreset, presetMapping } from './crm-presets.rules.ts';

/** The objects whose specs carry CRM preset maps. */
const SPECS = [contactImport, companyImport];

// Header rows as these systems export them.
const SALESFORCE_API = [
  'Id',
  'AccountId',
  'LastName',
  'FirstName',
  'Salutation',
  'MailingStreet',
  'MailingCity',
  'MailingState',
  'MailingPostalCode',
  'MailingCountry',
  'Phone',
  'MobilePhone',
  'Email',
  'Title',
  'LeadSource',
  'OwnerId',
];
const SALESFORCE_REPORT = [
  'First Name',
  'Last Name',
  'Account Name',
  'Title',
  'Email',
  'Phone',
  'Mobile',
  'Mailing Street',
  'Mailing City',
  'Mailing State/Province',
  'Mailing Zip/Postal Code',
  'Mailing Country',
  'Contact Owner',
  'Lead Source',
];
const HUBSPOT = [
  'Record ID',
  'First Name',
  'Last Name',
  'Email',
  'Phone Number',
  'Mobile Phone Number',
  'Company Name',
  'Job Title',
  'Street Address',
  'City',
  'State/Region',
  'Postal Code',
  'Country/Region',
  'Lifecycle Stage',
  'Contact owner',
  'Create Date',
];
const ZOHO = [
  'Record Id',
  'Contact Owner',
  'Lead Source',
  'First Name',
  'Last Name',
  'Account Name',
  'Email',
  'Title',
  'Phone',
  'Mobile',
  'Date of Birth',
  'Mailing Street',
  'Mailing City',
  'Mailing State',
  'Mailing Zip',
  'Mailing Country',
  'Tag',
];
const SUITECRM = [
  'id',
  'first_name',
  'last_name',
  'title',
  'department',
  'phone_work',
  'phone_mobile',
  'email1',
  'account_name',
  'primary_address_street',
  'primary_address_city',
  'primary_address_state',
  'primary_address_postalcode',
  'primary_address_country',
  'assigned_user_name',
  'date_entered',
];

describe('CRM export presets', () => {
  it('recognises each system from its header row', () => {
    expect(detectPreset(SALESFORCE_API, SPECS)).toBe('salesforce');
    expect(detectPreset(SALESFORCE_REPORT, SPECS)).toBe('salesforce');
    expect(detectPreset(HUBSPOT, SPECS)).toBe('hubspot');
    expect(detectPreset(ZOHO, SPECS)).toBe('zoho');
    expect(detectPreset(SUITECRM, SPECS)).toBe('suitecrm');
    expect(detectPreset(['姓名', '手机号', '邮箱', '公司'], SPECS)).toBeNull();
    expect(detectPreset(['Name', 'Email', 'Phone', 'City'], SPECS)).toBeNull();
  });

  it('maps each system’s contact columns to our fields', () => {
    const fields = (headers: string[], preset: Parameters<typeof presetMapping>[0]) =>
      Object.fromEntries(presetMapping(preset, contactImport, headers).map((m) => [headers[m.column], m.field]));
    expect(fields(SALESFORCE_API, 'salesforce')).toMatchObject({
      LastName: 'familyName',
      FirstName: 'givenName',
      MailingCity: 'city',
      MailingState: 'province',
      MobilePhone: 'mobile',
      LeadSource: 'source',
    });
    expect(fields(SALESFORCE_REPORT, 'salesforce')).toMatchObject({
      'Account Name': 'company',
      'Mailing State/Province': 'province',
      'Mailing Zip/Postal Code': 'postcode',
    });
    expect(fields(HUBSPOT, 'hubspot')).toMatchObject({
      'Company Name': 'company',
      'State/Region': 'province',
      'Country/Region': 'country',
      'Lifecycle Stage': 'lifecycleStage',
      'Job Title': 'title',
    });
    expect(fields(ZOHO, 'zoho')).toMatchObject({ 'Account Name': 'company', 'Mailing Zip': 'postcode', 'Date of Birth': 'birthday', Tag: 'tags' });
    expect(fields(SUITECRM, 'suitecrm')).toMatchObject({ phone_mobile: 'mobile', email1: 'email', primary_address_city: 'city', account_name: 'company' });
  });

  it('maps account exports to company fields', () => {
    const headers = [
      'Id',
      'Name',
      'Industry',
      'BillingStreet',
      'BillingCity',
      'BillingState',
      'BillingPostalCode',
      'BillingCountry',
      'Phone',
      'Website',
      'NumberOfEmployees',
      'AnnualRevenue',
      'AccountSource',
      'OwnerId',
    ];
    expect(detectPreset(headers, SPECS)).toBe('salesforce');
    const mapped = presetMapping('salesforce', companyImport, headers).map((m) => m.field);
    expect(mapped).toEqual([
      'name',
      'industry',
      'street',
      'city',
      'province',
      'postcode',
      'country',
      'phone',
      'website',
      'employees',
      'annualRevenue',
      'source',
    ]);
  });
});
