import type { CustomFieldDef } from '#platform/custom-fields/custom-fields.types.ts';
import type { ImportSpec } from '#platform/objects/import-spec.ts';

// Header spellings seen in Chinese and English exports (compared lowercased, without spaces and punctuation),
// for any object with a field of that name; an object's own spellings (its spec's `synonyms`) come on top.
const SYNONYMS: Record<string, string[]> = {
  name: ['姓名', '名字', '联系人', '联系人姓名', '客户姓名', '联络人', 'name', 'fullname', 'contactname', 'contact'],
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
  mobile: ['手机', '手机号', '手机号码', '移动电话', '行动电话', 'mobile', 'mobilephone', 'cell', 'cellphone'],
  phone: ['电话', '座机', '电话号码', '联系电话', '办公电话', 'phone', 'phonenumber', 'telephone', 'tel', 'businessphone'],
  title: ['职位', '职务', '头衔', '岗位', '职称', 'title', 'jobtitle', 'position'],
  department: ['部门', 'department', 'dept'],
  gender: ['性别', 'gender', 'sex'],
  birthday: ['生日', '出生日期', '出生年月', 'birthday', 'birthdate', 'dateofbirth', 'dob'],
  idNumber: ['身份证', '身份证号', '身份证号码', '证件号码', 'idnumber', 'nationalid'],
  country: ['国家', '国家地区', 'country'],
  province: ['省', '省份', '所在省份', 'province', 'state', 'region'],
  city: ['市', '城市', '所在城市', '县市', 'city', 'town', 'suburb'],
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
  taxId: ['税号', '纳税人识别号', '统一社会信用代码', '统一编号', '统编', 'taxid', 'vatnumber'],
  owner: ['负责人', '所有者', '负责人邮箱', 'owner', 'owneremail', 'assignedto'],
};

// Traditional characters of the header words above (Taiwan's and Hong Kong's exports, often Big5),
// read as their Simplified forms: 電子郵件 is 电子邮件. Only the characters those words use.
const TRADITIONAL = '聯繫絡稱單業屬戶郵電號碼機動務職銜崗門別證國區縣詳細訊編來線級階標籤註備說網員數規營額銷幣種貨稅納識統會負責話';
const SIMPLIFIED = '联系络称单业属户邮电号码机动务职衔岗门别证国区县详细讯编来线级阶标签注备说网员数规营额销币种货税纳识统会负责话';
const toSimplified = new Map([...TRADITIONAL].map((c, i) => [c, SIMPLIFIED[i] ?? c]));

const normalize = (header: string) =>
  [
    ...header
      .toLowerCase()
      .normalize('NFKC')
      .replace(/[\s_\-.:：()（）*#/]/g, ''),
  ]
    .map((c) => toSimplified.get(c) ?? c)
    .join('');

/** Column index -> suggested target, from header names, the object's own spellings and its custom field keys and labels. */
export function suggestMapping(spec: ImportSpec, headers: string[], customDefs: CustomFieldDef[]): { column: number; field: string }[] {
  const lookup = new Map<string, string>();
  for (const def of customDefs) for (const label of [def.key, def.label.zh, def.label.en]) if (label) lookup.set(normalize(label), `custom.${def.key}`);
  for (const field of spec.fields) for (const s of SYNONYMS[field] ?? []) lookup.set(s, field);
  for (const [field, spellings] of Object.entries(spec.synonyms ?? {}))
    for (const s of typeof spellings === 'string' ? (SYNONYMS[spellings] ?? []) : spellings) lookup.set(s, field);
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

export const isKnownTarget = (spec: ImportSpec, field: string, customDefs: CustomFieldDef[]) =>
  spec.fields.includes(field) || (field.startsWith('custom.') && customDefs.some((d) => `custom.${d.key}` === field));
