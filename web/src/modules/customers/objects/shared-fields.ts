import type { FieldDef, FieldOption } from '#shared/fields/field-types';

const opt = (value: string, zh: string, en: string): FieldOption => ({ value, label: { zh, en } });

export const LIFECYCLE_OPTIONS: FieldOption[] = [
  opt('subscriber', '订阅者', 'Subscriber'),
  opt('lead', '线索', 'Lead'),
  opt('opportunity', '商机', 'Opportunity'),
  opt('customer', '客户', 'Customer'),
  opt('evangelist', '推荐者', 'Evangelist'),
  opt('churned', '已流失', 'Churned'),
];

export const TIER_OPTIONS: FieldOption[] = [
  opt('A', 'A 重点', 'A · Key'),
  opt('B', 'B 普通', 'B · Regular'),
  opt('C', 'C 潜力', 'C · Potential'),
  opt('D', 'D 低价值', 'D · Low'),
];

export const SOURCE_OPTIONS: FieldOption[] = [
  opt('website', '官网', 'Website'),
  opt('referral', '转介绍', 'Referral'),
  opt('event', '展会活动', 'Event'),
  opt('ads', '广告投放', 'Ads'),
  opt('cold_call', '电话陌拜', 'Cold call'),
  opt('partner', '合作伙伴', 'Partner'),
  opt('wechat', '微信', 'WeChat'),
  opt('other', '其他', 'Other'),
];

export const GENDER_OPTIONS: FieldOption[] = [opt('male', '男', 'Male'), opt('female', '女', 'Female'), opt('other', '其他', 'Other')];

export const CURRENCY_OPTIONS: FieldOption[] = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'SGD'].map((c) => opt(c, c, c));

/** Filter-only fields: parts of the address the API can filter and sort by. */
export const addressFilters: FieldDef[] = (['country', 'province', 'city'] as const).map((k) => ({
  key: k,
  type: 'text',
  label: `fields.addressParts.${k}`,
  filterable: true,
}));

/** Fields companies and contacts share, labelled from `fields.<key>`. */
export const commonFields = {
  phones: { key: 'phones', type: 'phones', label: 'fields.phones', listDefault: true, sortable: false, filterable: true, filterKey: 'phone' },
  emails: { key: 'emails', type: 'emails', label: 'fields.emails', sortable: false, filterable: true, filterKey: 'email' },
  address: { key: 'address', type: 'address', label: 'fields.address', sortable: false, filterable: false },
  source: { key: 'source', type: 'select', label: 'fields.source', options: SOURCE_OPTIONS, filterable: true, sortable: true },
  tier: { key: 'tier', type: 'select', label: 'fields.tier', options: TIER_OPTIONS, listDefault: true, filterable: true, sortable: true },
  lifecycleStage: {
    key: 'lifecycleStage',
    type: 'select',
    label: 'fields.lifecycleStage',
    options: LIFECYCLE_OPTIONS,
    listDefault: true,
    filterable: true,
    sortable: true,
  },
  tags: { key: 'tags', type: 'tags', label: 'fields.tags', listDefault: true, sortable: false, filterable: true },
  description: { key: 'description', type: 'longtext', label: 'fields.description', filterable: false, maxLength: 10000 },
  ownerId: { key: 'ownerId', type: 'user', label: 'fields.owner', listDefault: true, filterable: true, sortable: false },
  createdAt: { key: 'createdAt', type: 'datetime', label: 'fields.createdAt', readOnly: true, sortable: true, filterable: true },
  updatedAt: { key: 'updatedAt', type: 'datetime', label: 'fields.updatedAt', readOnly: true, sortable: true, filterable: true },
} satisfies Record<string, FieldDef>;
