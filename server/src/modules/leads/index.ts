import type { KehuModule } from '#platform/module.ts';
import { ALL_ACTIONS } from '#platform/objects/object-registry.ts';
import { leadDefinition } from './leads.definition.ts';
import { leadImport } from './lead-import.definition.ts';
import { leadDedup } from './lead-dedup.definition.ts';
import { leadsRoutes } from './leads.routes.ts';
import { formsRoutes } from './forms.routes.ts';
import { optInMailSubscriber, registerLeadMailSender } from './optin.service.ts';
import { ZCreateLeadRequest, ZLead, ZUpdateLeadRequest } from './leads.schema.ts';
import { recordRoutes } from '#platform/records/record-routes.ts';

export { leadDefinition };
export { LEAD_STATUSES, ZLead, type TLead } from './leads.schema.ts';
export { ZCreateLeadRequest, ZUpdateLeadRequest };
/** A lead from an import row: the capture path (duplicate rules, scoring, assignment) on the 'import' channel. */
export { captureImportedLead } from './import-capture.service.ts';
/** A web-to-lead form by id (a workflow rule's "form submitted" trigger checks it when saved). */
export { leadFormOf } from './forms.service.ts';

/**
 * Leads: capture (manual, API, web forms) under duplicate rules, statuses and conversion.
 * Events: lead.created, lead.updated, lead.status_changed, lead.captured {channel, formId, outcome},
 * lead.converted {contactId, companyId, dealId}, lead.confirmation_requested, lead.confirmed.
 */
export const leadsModule: KehuModule = {
  name: 'leads',
  objects: [
    {
      name: 'lead',
      path: 'leads',
      label: { zh: '线索', en: 'Lead' },
      actions: ALL_ACTIONS,
      capabilities: ['owned', 'audited', 'recycleBin', 'customFields', 'import', 'search', 'timeline', 'assignment', 'dedup'],
      definition: leadDefinition,
      import: leadImport,
      dedup: leadDedup,
      fields: Object.keys(ZLead.shape),
    },
  ],
  register(app, deps) {
    leadsRoutes(app, deps);
    formsRoutes(app, deps);
    deps.subscribers.add(optInMailSubscriber());
    registerLeadMailSender();
    recordRoutes(app, deps, {
      path: 'leads',
      tag: 'leads',
      def: leadDefinition,
      out: ZLead,
      create: ZCreateLeadRequest,
      update: ZUpdateLeadRequest,
      createRoute: false,
    });
  },
};
