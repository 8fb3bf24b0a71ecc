import type { KehuModule } from '../../modules.ts';
import { leadDefinition } from './leads.definition.ts';
import { ZCreateLeadRequest, ZLead, ZUpdateLeadRequest } from './leads.schema.ts';
import { recordRoutes } from '#platform/records/record-routes.ts';

export { leadDefinition };
export { LEAD_STATUSES, ZLead, type TLead } from './leads.schema.ts';

/** Leads: capture (manual, API, web forms), duplicate rules, statuses and conversion. */
export const leadsModule: KehuModule = {
  name: 'leads',
  register(app, deps) {
    recordRoutes(app, deps, { path: 'leads', tag: 'leads', def: leadDefinition, out: ZLead, create: ZCreateLeadRequest, update: ZUpdateLeadRequest });
  },
};
