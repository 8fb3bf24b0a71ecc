import type { ImportSpec } from '#platform/objects/import-spec.ts';
import { captureImportedLead } from './import-capture.service.ts';
import { type TCreateLeadRequest, ZCreateLeadRequest, ZUpdateLeadRequest } from './leads.schema.ts';

/** Statuses as Chinese files write them. */
const LEAD_STATUS: Record<string, string> = {
  新建: 'new',
  新线索: 'new',
  未跟进: 'new',
  已联系: 'contacted',
  跟进中: 'contacted',
  培育中: 'nurturing',
  培育: 'nurturing',
  合格: 'qualified',
  有效: 'qualified',
  已确认: 'qualified',
  不合格: 'unqualified',
  无效: 'unqualified',
};

/**
 * Leads keep province and city as plain fields (no address); rows are captured like any other
 * lead (duplicate rules, scoring, assignment), so a merge rule may update an existing lead.
 */
export const leadImport: ImportSpec = {
  fields: [
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
  synonyms: {
    companyName: 'company',
    region: ['地区', '区域', '大区', 'region', 'area'],
    province: ['省', '省份', '所在省份', 'province', 'state'],
    companySize: ['公司规模', '企业规模', '规模', '员工数', 'companysize', 'size', 'employees'],
    source: ['来源', '线索来源', '渠道', '获客渠道', 'source', 'leadsource', 'channel'],
    campaign: ['活动', '市场活动', '营销活动', 'campaign'],
    status: ['状态', '线索状态', '跟进状态', 'status', 'leadstatus'],
    unqualifiedReason: ['无效原因', '不合格原因', 'unqualifiedreason', 'disqualifiedreason'],
    owner: ['负责人', '所有者', '负责人邮箱', '销售', 'owner', 'owneremail', 'leadowner', 'assignedto'],
  },
  cells: { tags: 'list' },
  matches: ['email', 'phone', 'nameCompany'],
  schemas: { create: ZCreateLeadRequest, update: ZUpdateLeadRequest },
  resolve: async ({ input }) => {
    if (typeof input.status === 'string') input.status = LEAD_STATUS[input.status] ?? input.status.toLowerCase();
  },
  create: async (tx, { deps, ctx, input: value }) => {
    // A warn rule cannot ask anyone mid-import: the lead is kept and marked duplicateOf, as "create anyway" does; block still refuses.
    const { allowDuplicate: _a, ...input } = value as TCreateLeadRequest & { allowDuplicate?: boolean };
    const { lead, mergedBefore } = await captureImportedLead(tx, { deps, ctx, input, allowDuplicate: true });
    return { record: lead, mergedBefore };
  },
};
