/** Bilingual demo records: Chinese and international companies with their people. */
export const DEMO_COMPANIES = [
  { name: '北京星辰科技有限公司', industry: '软件', city: '北京', province: '北京', website: 'https://xingchen.example.cn', tier: 'A', stage: 'customer' },
  { name: '上海海纳贸易有限公司', industry: '贸易', city: '上海', province: '上海', website: 'https://haina.example.cn', tier: 'B', stage: 'opportunity' },
  { name: '深圳云帆智能制造', industry: '制造', city: '深圳', province: '广东', website: 'https://yunfan.example.cn', tier: 'A', stage: 'customer' },
  { name: '杭州青禾电子商务', industry: '电商', city: '杭州', province: '浙江', website: 'https://qinghe.example.cn', tier: 'C', stage: 'lead' },
  { name: '成都锦程物流', industry: '物流', city: '成都', province: '四川', website: 'https://jincheng.example.cn', tier: 'B', stage: 'customer' },
  { name: 'Northwind Traders', industry: 'Retail', city: 'Seattle', province: 'WA', website: 'https://northwind.example.com', tier: 'A', stage: 'customer' },
  { name: 'Contoso Ltd', industry: 'Software', city: 'London', province: 'England', website: 'https://contoso.example.com', tier: 'B', stage: 'opportunity' },
  { name: 'Fabrikam Inc', industry: 'Manufacturing', city: 'Munich', province: 'Bavaria', website: 'https://fabrikam.example.com', tier: 'C', stage: 'lead' },
] as const;

export const DEMO_PEOPLE: { family: string; given: string; title: string; phone: string; email: string; company: number | null }[] = [
  { family: '张', given: '伟', title: '总经理', phone: '13812345678', email: 'zhang.wei@xingchen.example.cn', company: 0 },
  { family: '王', given: '芳', title: '采购经理', phone: '13987654321', email: 'wang.fang@xingchen.example.cn', company: 0 },
  { family: '李', given: '娜', title: '运营总监', phone: '13611112222', email: 'li.na@haina.example.cn', company: 1 },
  { family: '刘', given: '洋', title: 'IT 主管', phone: '13733334444', email: 'liu.yang@haina.example.cn', company: 1 },
  { family: '陈', given: '静', title: '副总裁', phone: '15055556666', email: 'chen.jing@yunfan.example.cn', company: 2 },
  { family: '杨', given: '磊', title: '工程师', phone: '15177778888', email: 'yang.lei@yunfan.example.cn', company: 2 },
  { family: '赵', given: '敏', title: '创始人', phone: '18699990000', email: 'zhao.min@qinghe.example.cn', company: 3 },
  { family: '黄', given: '强', title: '物流经理', phone: '18822223333', email: 'huang.qiang@jincheng.example.cn', company: 4 },
  { family: '周', given: '丽', title: '财务', phone: '13544445555', email: 'zhou.li@jincheng.example.cn', company: 4 },
  { family: 'Smith', given: 'John', title: 'Purchasing Manager', phone: '+1 206 555 0142', email: 'john.smith@northwind.example.com', company: 5 },
  { family: 'Davolio', given: 'Nancy', title: 'Sales Representative', phone: '+1 206 555 0199', email: 'nancy.davolio@northwind.example.com', company: 5 },
  { family: 'Brown', given: 'Emma', title: 'CTO', phone: '+44 20 7946 0958', email: 'emma.brown@contoso.example.com', company: 6 },
  { family: 'Müller', given: 'Lukas', title: 'Head of Operations', phone: '+49 89 12345678', email: 'lukas.mueller@fabrikam.example.com', company: 7 },
  { family: '吴', given: '晓明', title: '', phone: '13900001111', email: 'wu.xiaoming@example.com', company: null },
  { family: 'Garcia', given: 'Maria', title: '', phone: '+34 612 345 678', email: 'maria.garcia@example.com', company: null },
];

export const DEMO_USERS = [
  { name: '孙经理 Sun', email: 'manager@kehu.local', role: 'Sales Manager' },
  { name: '钱销售 Qian', email: 'rep1@kehu.local', role: 'Sales Rep' },
  { name: 'Olivia Rep', email: 'rep2@kehu.local', role: 'Sales Rep' },
] as const;

export const DEMO_NOTES = [
  { subject: '初次电话沟通', body: '客户对年度方案感兴趣，下周安排演示。' },
  { subject: 'Intro call', body: 'Interested in the annual plan; demo next week.' },
  { subject: '发送报价单', body: '已通过邮件发送报价，等待反馈。' },
];
