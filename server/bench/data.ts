import type { FieldCipher } from '#platform/crypto/field-crypto.ts';
import { contactDefinition } from '#modules/customers/index.ts';

/** Deterministic PRNG (mulberry32) so every run seeds the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const split = (s: string) => s.split(' ').map((p) => p.split(':') as [string, string]);
// Surnames in rough frequency order (the skewed pick below makes 王, 李, 张 the most common).
const SURNAMES = split(
  '王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 黄:huang 赵:zhao 吴:wu 周:zhou 徐:xu 孙:sun 马:ma 朱:zhu 胡:hu 郭:guo 何:he 高:gao 林:lin 罗:luo 郑:zheng 梁:liang 谢:xie 宋:song 唐:tang 韩:han 冯:feng 邓:deng 曹:cao 彭:peng',
);
const GIVEN = split(
  '伟:wei 芳:fang 娜:na 敏:min 静:jing 丽:li 强:qiang 磊:lei 军:jun 洋:yang 勇:yong 艳:yan 杰:jie 娟:juan 涛:tao 明:ming 超:chao 秀:xiu 霞:xia 平:ping 刚:gang 英:ying 华:hua 文:wen 晓:xiao 玲:ling 建:jian 国:guo 红:hong 鹏:peng 辉:hui 宇:yu 欣:xin 婷:ting 浩:hao 然:ran 子:zi 涵:han 思:si 雨:yu',
);
const FIRST =
  'John James Robert Michael William David Richard Joseph Thomas Daniel Mary Patricia Jennifer Linda Elizabeth Susan Jessica Sarah Karen Emma Olivia Sophia Lukas Maria Nancy Anna Peter Paul Mark Laura'.split(
    ' ',
  );
const LAST =
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Wilson Anderson Taylor Thomas Moore Jackson Martin Lee Thompson White Harris Clark Lewis Walker Young Allen King Wright Scott Müller'.split(
    ' ',
  );
const CN_CITIES = [
  ['上海', '上海'],
  ['北京', '北京'],
  ['深圳', '广东'],
  ['广州', '广东'],
  ['杭州', '浙江'],
  ['成都', '四川'],
  ['南京', '江苏'],
  ['武汉', '湖北'],
  ['苏州', '江苏'],
  ['西安', '陕西'],
] as const;
const EN_CITIES = [
  ['New York', 'NY', 'US'],
  ['Seattle', 'WA', 'US'],
  ['London', 'England', 'GB'],
  ['Singapore', 'Singapore', 'SG'],
  ['Munich', 'Bavaria', 'DE'],
  ['Sydney', 'NSW', 'AU'],
] as const;
const CN_TITLES = ['总经理', '采购经理', '运营总监', 'IT 主管', '副总裁', '工程师', '创始人', '财务', '销售经理', ''];
const EN_TITLES = ['Purchasing Manager', 'CTO', 'Head of Operations', 'Sales Representative', 'CFO', 'Engineer', ''];
const STAGES = ['lead', 'lead', 'lead', 'customer', 'customer', 'opportunity', 'subscriber', 'subscriber', 'evangelist', 'churned'];
const TAGS = ['重点客户', 'key account', 'VIP', '展会', 'newsletter', '合作伙伴', '渠道', 'enterprise'];
const SOURCES = ['官网', 'referral', '展会', '广告', 'cold call', 'partner'];
const CN_MOBILE = ['138', '139', '136', '137', '150', '151', '186', '188', '135', '158', '177', '189'];
const CN_WORDS = ['星辰', '海纳', '云帆', '青禾', '锦程', '华信', '天成', '恒通', '博远', '新元', '瑞丰', '中科'];
const CN_TRADES = ['科技', '贸易', '智能制造', '电子商务', '物流', '咨询', '医药', '教育'];
const EN_WORDS = ['Northwind', 'Contoso', 'Fabrikam', 'Globex', 'Initech', 'Umbrella', 'Acme', 'Hooli', 'Vandelay', 'Soylent'];
const EN_TRADES = ['Traders', 'Ltd', 'Inc', 'Systems', 'Labs', 'Group', 'Partners', 'Logistics'];

export type Company = { id: string; name: string; domain: string; chinese: boolean };
export type ContactRow = Record<string, unknown>;

const digits = (r: () => number, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');

/** A company name and mail domain, Chinese for even `i` and often in between. */
export function companyName(r: () => number, i: number): Omit<Company, 'id'> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;
  if (i % 3 !== 2) {
    const city = pick(CN_CITIES)[0];
    return { name: `${city}${pick(CN_WORDS)}${pick(CN_TRADES)}有限公司`, domain: `c${i}.example.cn`, chinese: true };
  }
  return { name: `${pick(EN_WORDS)} ${pick(EN_TRADES)} ${i}`, domain: `c${i}.example.com`, chinese: false };
}

// Only idNumber is encrypted and the bench never sets it.
const noCipher: FieldCipher = { encrypt: () => '', decrypt: () => '' };

/** A person's columns; name, search_text and phone_digits computed by the contacts definition like the API does. */
export function personRow(r: () => number, companies: Company[]): ContactRow {
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;
  const company = r() < 0.75 ? pick(companies) : null;
  const chinese = company ? company.chinese : r() < 0.7;
  const n = Math.floor(r() * 1000);
  let input: Record<string, unknown>;
  let phone: { number: string; e164: string };
  if (chinese) {
    const family = SURNAMES[Math.floor(r() * r() * SURNAMES.length)] as [string, string];
    const given = Array.from({ length: r() < 0.6 ? 2 : 1 }, () => pick(GIVEN));
    const [city, province] = pick(CN_CITIES);
    const mobile = `${pick(CN_MOBILE)}${digits(r, 8)}`;
    phone = { number: `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`, e164: `+86${mobile}` };
    const mail = `${given.map((g) => g[1]).join('')}.${family[1]}${n}@${company?.domain ?? 'qq.example.cn'}`;
    input = {
      familyName: family[0],
      givenName: given.map((g) => g[0]).join(''),
      title: pick(CN_TITLES),
      address: { city, province, country: 'CN' },
      emails: [{ label: 'work', address: mail }],
    };
  } else {
    const [first, last] = [pick(FIRST), pick(LAST)];
    const [city, province, country] = pick(EN_CITIES);
    const national = `${200 + Math.floor(r() * 700)}${digits(r, 7)}`;
    phone = { number: `+1 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`, e164: `+1${national}` };
    input = {
      familyName: last,
      givenName: first,
      title: pick(EN_TITLES),
      address: { city, province, country },
      emails: [{ label: 'work', address: `${first}.${last}${n}@${company?.domain ?? 'mail.example.com'}` }],
    };
  }
  const columns = contactDefinition.toColumns({ ...input, companyId: company?.id ?? null }, [], noCipher, { phoneRegion: 'CN' });
  const phones = [{ label: 'mobile', ...phone }];
  const related = new Map(company ? [[company.id, { id: company.id, name: company.name }]] : []);
  return { ...columns, ...contactDefinition.derived?.({ ...columns, phones }, related), phones: JSON.stringify(phones) };
}

/** The per-record fields (owner, stage, tags, custom jsonb, dates) that vary between rows sharing a person. */
export function recordFields(r: () => number, owners: string[], now: number): ContactRow {
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;
  const created = now - Math.floor(r() * 3 * 365 * 864e5);
  return {
    owner_id: pick(owners),
    lifecycle_stage: pick(STAGES),
    source: pick(SOURCES),
    tier: pick(['A', 'B', 'C']),
    tags: TAGS.filter(() => r() < 0.12),
    custom: `{"score":${Math.floor(r() * 100)},"segment":"${pick(['smb', 'mid', 'ent'])}"}`,
    created_at: new Date(created).toISOString(),
    last_activity_at: r() < 0.6 ? new Date(created + Math.floor(r() * (now - created))).toISOString() : null,
  };
}
