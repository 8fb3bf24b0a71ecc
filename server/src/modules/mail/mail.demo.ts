import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import type { TCreateMailTemplateRequest } from './mail.schema.ts';
import { createTemplate } from './templates.service.ts';

/** Demo templates, so "Send e-mail" on a demo contact, deal or lead has something to pick. */
const DEMO_TEMPLATES: TCreateMailTemplateRequest[] = [
  {
    name: '跟进问候 Follow-up',
    object: 'contact',
    subject: { zh: '{{contact.name}}，您好', en: 'Hello {{contact.name}}' },
    body: {
      zh: '{{contact.name}} 您好：\n\n感谢您近期与我们的沟通。如有任何问题，欢迎随时联系我。\n\n{{owner.name}}\n{{owner.email}}',
      en: 'Dear {{contact.name}},\n\nThank you for talking with us recently. If anything comes up, just reply to this e-mail.\n\n{{owner.name}}\n{{owner.email}}',
    },
  },
  {
    name: '商机报价跟进 Deal quote follow-up',
    object: 'deal',
    subject: { zh: '关于「{{record.name}}」的报价', en: 'Your quote: {{record.name}}' },
    body: {
      zh: '{{contact.name}} 您好：\n\n「{{record.name}}」的报价金额为 {{record.amount}}，预计成交日期 {{record.expectedCloseDate}}。如需调整，请随时告诉我。\n\n{{owner.name}}',
      en: 'Dear {{contact.name}},\n\nThe quote for {{record.name}} comes to {{record.amount}}, with {{record.expectedCloseDate}} as the expected close. Tell me if anything should change.\n\n{{owner.name}}',
    },
  },
  {
    name: '线索欢迎 Lead welcome',
    object: 'lead',
    subject: { zh: '{{record.name}}，感谢您的关注', en: 'Thanks for your interest, {{record.name}}' },
    body: {
      zh: '{{record.name}} 您好：\n\n感谢您关注我们的产品。我是您的专属顾问 {{owner.name}}，稍后会与您联系。',
      en: 'Dear {{record.name}},\n\nThanks for your interest. I am {{owner.name}}, your contact here, and will be in touch shortly.',
    },
  },
];

/** Adds the demo templates as the admin; returns how many. */
export async function seedDemoTemplates(o: { deps: Deps; ctx: RequestContext }): Promise<number> {
  for (const input of DEMO_TEMPLATES) await createTemplate({ deps: o.deps, ctx: o.ctx, input });
  return DEMO_TEMPLATES.length;
}
