import type { FastifyInstance } from 'fastify';
import type { Deps } from '#platform/deps.ts';
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

/** A domain module's public surface as the app sees it: routes and event subscribers. */
export type KehuModule = { name: string; register: (app: FastifyInstance, deps: Deps) => void };

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
];
