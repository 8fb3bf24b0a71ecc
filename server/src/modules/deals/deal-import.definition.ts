import type { ImportRefsContext, ImportSpec } from '#platform/objects/import-spec.ts';
import type { Row } from '#platform/records/records.repo.ts';
import { findPipelineRef, findStageRef } from './deal-import.repo.ts';
import { createDealInTx } from './deals.service.ts';
import { type TCreateDealRequest, ZCreateDealRequest, ZUpdateDealRequest } from './deals.schema.ts';
import { ensureDefaultPipeline } from './pipelines.service.ts';

/** Company, contact, pipeline and stage cells name existing records: by id or name (a contact also by email). */
async function resolveDeal({ tx, ctx, refs, input, findRecord, unresolved }: ImportRefsContext): Promise<void> {
  if (refs.company) {
    const company = await findRecord('company', refs.company);
    if (company) input.companyId = company.id;
    else unresolved('company', 'company', refs.company);
  }
  if (refs.contact) {
    const contact: Row | undefined = await findRecord('contact', refs.contact, { email: true });
    if (contact) {
      input.contactId = contact.id;
      // A deal named only by its contact sits with the contact's company.
      if (!refs.company && contact.company_id) input.companyId = contact.company_id;
    } else unresolved('contact', 'contact', refs.contact);
  }
  if (refs.pipeline || refs.stage) {
    // No pipeline named: the default one (made on first use, as the deals API does).
    const pipeline = refs.pipeline ? await findPipelineRef(tx, refs.pipeline) : await ensureDefaultPipeline(tx, ctx);
    if (!pipeline) unresolved('pipeline', 'pipeline', refs.pipeline ?? '');
    else {
      input.pipelineId = pipeline.id;
      const stage = refs.stage ? await findStageRef(tx, pipeline.id, refs.stage) : undefined;
      if (refs.stage && !stage) unresolved('stage', 'stage', refs.stage);
      else if (stage) input.stageId = stage.id;
    }
  }
}

/** Deals match by name only; created through the deals API's path (pipeline rules, stage history). */
export const dealImport: ImportSpec = {
  fields: ['name', 'company', 'contact', 'pipeline', 'stage', 'amount', 'currency', 'probability', 'expectedCloseDate', 'owner', 'tags', 'description'],
  synonyms: {
    name: ['商机', '商机名称', '机会', '机会名称', '交易', '交易名称', '名称', 'name', 'deal', 'dealname', 'opportunity', 'opportunityname'],
    contact: ['联系人', '联系人姓名', '联系人邮箱', 'contact', 'contactname', 'contactemail', 'email'],
    pipeline: ['管道', '销售管道', '销售流程', 'pipeline'],
    stage: ['阶段', '销售阶段', '商机阶段', 'stage', 'dealstage', 'salesstage'],
    amount: ['金额', '商机金额', '预计金额', '合同金额', 'amount', 'value', 'dealvalue', 'dealamount'],
    probability: ['赢率', '成交概率', '概率', 'probability', 'winprobability'],
    expectedCloseDate: ['预计成交日期', '预计成交时间', '预计签单日期', '结束日期', 'expectedclosedate', 'closedate', 'expectedclose'],
    owner: ['负责人', '所有者', '负责人邮箱', '销售', 'owner', 'owneremail', 'dealowner', 'assignedto'],
  },
  cells: { amount: 'money', currency: 'currency', probability: 'percent', expectedCloseDate: 'date', tags: 'list' },
  refs: ['company', 'contact', 'pipeline', 'stage'],
  matches: ['nameCompany'],
  schemas: { create: ZCreateDealRequest, update: ZUpdateDealRequest },
  resolve: resolveDeal,
  create: async (tx, { deps, ctx, input }) => ({ record: await createDealInTx({ deps, ctx, tx, input: input as TCreateDealRequest }) }),
};
