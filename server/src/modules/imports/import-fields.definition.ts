import type { CustomFieldDef } from '#platform/custom-fields/custom-fields.types.ts';

export const IMPORT_OBJECTS = ['contact', 'company', 'lead', 'deal', 'activity'] as const;
export type ImportObject = (typeof IMPORT_OBJECTS)[number];

/** Address parts and contact points that several objects share. */
const COMMON = [
  'email',
  'phone',
  'mobile',
  'source',
  'tier',
  'lifecycleStage',
  'tags',
  'description',
  'country',
  'province',
  'city',
  'district',
  'street',
  'postcode',
] as const;

/** Fields a column may be mapped to (besides custom.<key>). */
export const IMPORT_FIELDS: Record<ImportObject, readonly string[]> = {
  contact: ['name', 'familyName', 'givenName', 'company', 'title', 'department', 'gender', 'birthday', 'idNumber', ...COMMON],
  company: ['name', 'industry', 'website', 'employees', 'annualRevenue', 'currency', 'taxId', ...COMMON],
  lead: [
    'name',
    'companyName',
    'title',
    'email',
    'phone',
    'mobile',
    'industry',
    'region',
    'province',
    'city',
    'companySize',
    'source',
    'campaign',
    'status',
    'unqualifiedReason',
    'tags',
    'description',
    'owner',
  ],
  // company / contact / deal / owner / pipeline / stage are references to existing records, resolved per row.
  deal: ['name', 'company', 'contact', 'pipeline', 'stage', 'amount', 'currency', 'probability', 'expectedCloseDate', 'owner', 'tags', 'description'],
  activity: ['type', 'subject', 'body', 'date', 'contact', 'company', 'deal', 'owner'],
};

// Header spellings seen in Chinese and English exports (compared lowercased, without spaces and punctuation).
const SYNONYMS: Record<string, string[]> = {
  name: ['姓名', '名字', '联系人', '联系人姓名', '客户姓名', 'name', 'fullname', 'contactname', 'contact'],
  familyName: ['姓', '姓氏', 'lastname', 'surname', 'familyname'],
  givenName: ['名', 'firstname', 'givenname'],
  company: [
    '公司',
    '公司名称',
    '单位',
    '工作单位',
    '企业',
    '企业名称',
    '所属公司',
    '客户名称',
    'company',
    'companyname',
    'account',
    'accountname',
    'organization',
    'organisation',
  ],
  email: ['邮箱', '电子邮件', '电子邮箱', '邮件', '邮箱地址', 'email', 'emailaddress', 'mail', '邮箱2', '备用邮箱', 'email2', 'secondaryemail', 'otheremail'],
  mobile: ['手机', '手机号', '手机号码', '移动电话', 'mobile', 'mobilephone', 'cell', 'cellphone'],
  phone: ['电话', '座机', '电话号码', '联系电话', '办公电话', 'phone', 'phonenumber', 'telephone', 'tel', 'businessphone'],
  title: ['职位', '职务', '头衔', '岗位', 'title', 'jobtitle', 'position'],
  department: ['部门', 'department', 'dept'],
  gender: ['性别', 'gender', 'sex'],
  birthday: ['生日', '出生日期', '出生年月', 'birthday', 'birthdate', 'dateofbirth', 'dob'],
  idNumber: ['身份证', '身份证号', '身份证号码', '证件号码', 'idnumber', 'nationalid'],
  country: ['国家', '国家地区', 'country'],
  province: ['省', '省份', '所在省份', 'province', 'state', 'region'],
  city: ['市', '城市', '所在城市', 'city', 'town', 'suburb'],
  district: ['区', '区县', 'district', 'county'],
  street: ['地址', '详细地址', '街道', '通讯地址', 'address', 'street', 'streetaddress', 'address1', 'mailingstreet', 'billingstreet'],
  postcode: ['邮编', '邮政编码', 'postcode', 'zip', 'zipcode', 'postalcode'],
  source: ['来源', '客户来源', '线索来源', 'source', 'leadsource'],
  tier: ['等级', '客户等级', 'tier', 'rating'],
  lifecycleStage: ['阶段', '生命周期', 'lifecyclestage', 'stage'],
  tags: ['标签', 'tags', 'tag'],
  description: ['备注', '描述', '说明', 'description', 'notes', 'note', 'remark', 'remarks', 'comments'],
  industry: ['行业', '所属行业', 'industry'],
  website: ['网站', '网址', '官网', 'website', 'url', 'web'],
  employees: ['员工数', '员工人数', '人数', '规模', 'employees', 'numberofemployees', 'employeecount'],
  annualRevenue: ['年收入', '年营业额', '年销售额', 'annualrevenue', 'revenue'],
  currency: ['币种', '货币', 'currency'],
  taxId: ['税号', '纳税人识别号', '统一社会信用代码', 'taxid', 'vatnumber'],
};

/** Spellings that mean something else for one object (a deal's "联系人" is its contact, not its name). */
const OBJECT_SYNONYMS: Partial<Record<ImportObject, Record<string, string[]>>> = {
  lead: {
    companyName: SYNONYMS.company ?? [],
    region: ['地区', '区域', '大区', 'region', 'area'],
    province: ['省', '省份', '所在省份', 'province', 'state'],
    companySize: ['公司规模', '企业规模', '规模', '员工数', 'companysize', 'size', 'employees'],
    source: ['来源', '线索来源', '渠道', '获客渠道', 'source', 'leadsource', 'channel'],
    campaign: ['活动', '市场活动', '营销活动', 'campaign'],
    status: ['状态', '线索状态', '跟进状态', 'status', 'leadstatus'],
    unqualifiedReason: ['无效原因', '不合格原因', 'unqualifiedreason', 'disqualifiedreason'],
    owner: ['负责人', '所有者', '负责人邮箱', '销售', 'owner', 'owneremail', 'leadowner', 'assignedto'],
  },
  deal: {
    name: ['商机', '商机名称', '机会', '机会名称', '交易', '交易名称', '名称', 'name', 'deal', 'dealname', 'opportunity', 'opportunityname'],
    contact: ['联系人', '联系人姓名', '联系人邮箱', 'contact', 'contactname', 'contactemail', 'email'],
    pipeline: ['管道', '销售管道', '销售流程', 'pipeline'],
    stage: ['阶段', '销售阶段', '商机阶段', 'stage', 'dealstage', 'salesstage'],
    amount: ['金额', '商机金额', '预计金额', '合同金额', 'amount', 'value', 'dealvalue', 'dealamount'],
    probability: ['赢率', '成交概率', '概率', 'probability', 'winprobability'],
    expectedCloseDate: ['预计成交日期', '预计成交时间', '预计签单日期', '结束日期', 'expectedclosedate', 'closedate', 'expectedclose'],
    owner: ['负责人', '所有者', '负责人邮箱', '销售', 'owner', 'owneremail', 'dealowner', 'assignedto'],
  },
  activity: {
    type: ['类型', '活动类型', '跟进方式', '跟进类型', 'type', 'activitytype'],
    subject: ['主题', '标题', '跟进主题', 'subject', 'title'],
    body: ['内容', '正文', '跟进内容', '详情', '备注', '描述', 'body', 'content', 'details', 'description', 'notes', 'note'],
    date: ['日期', '时间', '跟进时间', '发生时间', '开始时间', '截止日期', 'date', 'time', 'occurredat', 'startsat', 'duedate', 'activitydate'],
    contact: ['联系人', '联系人邮箱', '邮箱', 'contact', 'contactemail', 'email'],
    company: SYNONYMS.company ?? [],
    deal: ['商机', '商机名称', '交易', 'deal', 'dealname', 'opportunity'],
    owner: ['负责人', '所有者', '负责人邮箱', 'owner', 'owneremail', 'assignedto'],
  },
};

const normalize = (header: string) =>
  header
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\s_\-.:：()（）*#/]/g, '');

/** Column index -> suggested target, from header names and the object's custom field keys and labels. */
export function suggestMapping(object: ImportObject, headers: string[], customDefs: CustomFieldDef[]): { column: number; field: string }[] {
  const fields = IMPORT_FIELDS[object];
  const lookup = new Map<string, string>();
  for (const def of customDefs) for (const label of [def.key, def.label.zh, def.label.en]) if (label) lookup.set(normalize(label), `custom.${def.key}`);
  for (const field of fields) for (const s of SYNONYMS[field] ?? []) lookup.set(s, field);
  for (const [field, spellings] of Object.entries(OBJECT_SYNONYMS[object] ?? {})) for (const s of spellings) lookup.set(s, field);
  // A company's own name column is usually headed "公司名称" / "Company Name".
  if (object === 'company') for (const s of SYNONYMS.company ?? []) lookup.set(s, 'name');
  const taken = new Set<string>();
  const out: { column: number; field: string }[] = [];
  headers.forEach((header, column) => {
    const field = lookup.get(normalize(header));
    // Several phone or email columns are all kept; any other field takes the first matching column.
    if (!field || (taken.has(field) && field !== 'phone' && field !== 'mobile' && field !== 'email')) return;
    taken.add(field);
    out.push({ column, field });
  });
  return out;
}

export const isKnownTarget = (object: ImportObject, field: string, customDefs: CustomFieldDef[]) =>
  IMPORT_FIELDS[object].includes(field) || (field.startsWith('custom.') && customDefs.some((d) => `custom.${d.key}` === field));
