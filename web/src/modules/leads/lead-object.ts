import type { FieldDef, FieldOption } from '#shared/fields/field-types';
import type { ObjectDef } from '#shared/records/object-def';

const opt = (value: string, zh: string, en: string): FieldOption => ({ value, label: { zh, en } });

export const LEAD_STATUS_OPTIONS: FieldOption[] = [
  opt('new', '新线索', 'New'),
  opt('contacted', '已联系', 'Contacted'),
  opt('nurturing', '培育中', 'Nurturing'),
  opt('qualified', '合格', 'Qualified'),
  opt('unqualified', '无效', 'Unqualified'),
  opt('converted', '已转化', 'Converted'),
];

export const COMPANY_SIZE_OPTIONS: FieldOption[] = ['1-9', '10-49', '50-199', '200-499', '500-999', '1000+'].map((v) => opt(v, `${v} 人`, `${v} people`));

export const LEAD_SOURCE_OPTIONS: FieldOption[] = [
  opt('website', '官网', 'Website'),
  opt('web_form', '网页表单', 'Web form'),
  opt('referral', '转介绍', 'Referral'),
  opt('event', '展会活动', 'Event'),
  opt('ads', '广告投放', 'Ads'),
  opt('cold_call', '电话陌拜', 'Cold call'),
  opt('partner', '合作伙伴', 'Partner'),
  opt('wechat', '微信', 'WeChat'),
  opt('other', '其他', 'Other'),
];

const text = (key: string, label: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  type: 'text',
  label,
  sortable: true,
  filterable: true,
  maxLength: 200,
  ...extra,
});

/** Leads on the generic record list and form; status changes go through the detail page's steps. */
export const leadObject: ObjectDef = {
  object: 'leads',
  entity: 'lead',
  titleKey: 'name',
  titleOf: (r) => String(r.name ?? ''),
  fields: [
    text('name', 'fields.name', { required: true, listDefault: true }),
    text('companyName', 'leads.fields.companyName', { listDefault: true }),
    text('title', 'fields.title', { maxLength: 100 }),
    { key: 'phones', type: 'phones', label: 'fields.phones', listDefault: true, sortable: false, filterable: true, filterKey: 'phone' },
    { key: 'emails', type: 'emails', label: 'fields.emails', listDefault: true, sortable: false, filterable: true, filterKey: 'email' },
    {
      key: 'status',
      type: 'select',
      label: 'leads.fields.status',
      options: LEAD_STATUS_OPTIONS,
      listDefault: true,
      sortable: true,
      filterable: true,
      readOnly: true,
    },
    text('industry', 'fields.industry', { maxLength: 100 }),
    text('region', 'leads.fields.region', { maxLength: 100 }),
    text('province', 'fields.addressParts.province', { maxLength: 100 }),
    text('city', 'fields.addressParts.city', { maxLength: 100, listDefault: true }),
    { key: 'companySize', type: 'select', label: 'leads.fields.companySize', options: COMPANY_SIZE_OPTIONS, sortable: true, filterable: true },
    { key: 'source', type: 'select', label: 'fields.source', options: LEAD_SOURCE_OPTIONS, listDefault: true, sortable: true, filterable: true },
    text('campaign', 'leads.fields.campaign'),
    text('utmSource', 'leads.fields.utmSource', { readOnly: true }),
    text('utmMedium', 'leads.fields.utmMedium', { readOnly: true }),
    text('utmCampaign', 'leads.fields.utmCampaign', { readOnly: true }),
    { key: 'tags', type: 'tags', label: 'fields.tags', sortable: false, filterable: true },
    { key: 'ownerId', type: 'user', label: 'fields.owner', listDefault: true, filterable: true, sortable: false },
    { key: 'description', type: 'longtext', label: 'fields.description', filterable: false, maxLength: 10000 },
    { key: 'createdAt', type: 'datetime', label: 'fields.createdAt', readOnly: true, sortable: true, filterable: true, listDefault: true },
    { key: 'updatedAt', type: 'datetime', label: 'fields.updatedAt', readOnly: true, sortable: true, filterable: true },
  ],
};
