import { normalizeText } from './text.rules.ts';

const LEGAL_SUFFIX =
  /(股份有限公司|有限责任公司|有限公司|集团|公司|\b(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|gmbh|plc|sa|ag|pte|pty)\b)/g;

/** 北京星辰科技有限公司 = 北京星辰科技; "Acme Co., Ltd." = acme. */
export const companyCore = (name: string): string => normalizeText(normalizeText(name).replace(LEGAL_SUFFIX, ' '));
