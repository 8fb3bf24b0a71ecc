import type { KehuModule } from '#platform/module.ts';
import { viewsModule } from '#modules/views/index.ts';
import { activitiesModule } from '#modules/activities/index.ts';
import { adminModule } from '#modules/admin/index.ts';
import { customersModule } from '#modules/customers/index.ts';
import { importsModule } from '#modules/imports/index.ts';
import { dedupModule } from '#modules/dedup/index.ts';
import { poolModule } from '#modules/pool/index.ts';
import { exportsModule } from '#modules/exports/index.ts';
import { dataQualityModule } from '#modules/data-quality/index.ts';
import { reportsModule } from '#modules/reports/index.ts';
import { leadsModule } from '#modules/leads/index.ts';
import { scoringModule } from '#modules/scoring/index.ts';
import { assignmentModule } from '#modules/assignment/index.ts';
import { dealsModule } from '#modules/deals/index.ts';
import { privacyModule } from '#modules/privacy/index.ts';
import { webhooksModule } from '#modules/webhooks/index.ts';
import { workflowsModule } from '#modules/workflows/index.ts';
import { mailModule } from '#modules/mail/index.ts';
import { notificationsModule } from '#modules/notifications/index.ts';
import { approvalsModule } from '#modules/approvals/index.ts';
import { ordersModule } from '#modules/orders/index.ts';
import { productsModule } from '#modules/products/index.ts';
import { quotesModule } from '#modules/quotes/index.ts';
import { contractsModule } from '#modules/contracts/index.ts';
import { ticketsModule } from '#modules/tickets/index.ts';

export const MODULES: KehuModule[] = [
  viewsModule,
  adminModule,
  customersModule,
  activitiesModule,
  importsModule,
  leadsModule,
  reportsModule,
  exportsModule,
  dataQualityModule,
  poolModule,
  dedupModule,
  scoringModule,
  assignmentModule,
  dealsModule,
  privacyModule,
  webhooksModule,
  workflowsModule,
  mailModule,
  notificationsModule,
  approvalsModule,
  productsModule,
  quotesModule,
  contractsModule,
  ordersModule,
  ticketsModule,
];

/** Every standard object, as the modules declare them (the registry's fixed part). */
export const STANDARD_OBJECTS = MODULES.flatMap((m) => m.objects ?? []);
