import { inTenant } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { createGroup } from './scoring-config.service.ts';
import * as repo from './scoring.repo.ts';

/**
 * Two bilingual rule groups for the demo (fit and engagement), so demo leads land in all three
 * bands. Skipped when the tenant already has rules.
 */
export async function seedDemoScoring(o: { deps: Deps; ctx: RequestContext }): Promise<number> {
  if ((await inTenant(o.deps.db.kysely, o.ctx.tenantId, (tx) => repo.listGroups(tx))).length) return 0;
  await createGroup({
    deps: o.deps,
    ctx: o.ctx,
    input: {
      name: '客户画像 Fit',
      cap: 50,
      rules: [
        { kind: 'attribute', field: 'companySize', operator: 'in', value: ['200-499', '500-999', '1000+'], points: 25, label: '中大型企业 Mid-size or larger' },
        { kind: 'attribute', field: 'title', operator: 'contains', value: '总', points: 15, label: '决策层 Decision maker' },
        { kind: 'attribute', field: 'title', operator: 'contains', value: 'Director', points: 15, label: 'Decision maker' },
        { kind: 'attribute', field: 'source', operator: 'in', value: ['referral', 'event', 'web_form'], points: 10, label: '高质量来源 Strong source' },
      ],
    },
  });
  await createGroup({
    deps: o.deps,
    ctx: o.ctx,
    input: {
      name: '互动 Engagement',
      cap: 50,
      rules: [
        { kind: 'behaviour', eventType: 'meeting_held', points: 30, label: '见面会议 Meeting held' },
        { kind: 'behaviour', eventType: 'call_held', points: 15, label: '通话 Call held' },
        { kind: 'behaviour', eventType: 'form_submitted', points: 10, label: '提交表单 Form submitted' },
      ],
    },
  });
  return 2;
}
