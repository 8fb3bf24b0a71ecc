import type { KehuModule } from '#platform/module.ts';
import { apiTokenRoutes } from './api-tokens.routes.ts';
import { auditLogRoutes } from './audit-log.routes.ts';
import { roleRoutes } from './roles.routes.ts';
import { teamRoutes } from './teams.routes.ts';
import { userRoutes } from './users.routes.ts';

export { ACCESS_OBJECTS, type AccessObject } from './roles.schema.ts';
/** Every role's name and grants (records of processing show who may read personal data). */
export { allRoleGrants } from './roles.repo.ts';

/** Identity and access administration: users, teams, roles, API tokens and the audit trail. */
export const adminModule: KehuModule = {
  name: 'admin',
  objects: [
    { name: 'user', path: null, label: { zh: '用户', en: 'User' }, actions: ['read'], capabilities: [], everyoneReads: true },
    { name: 'team', path: null, label: { zh: '团队', en: 'Team' }, actions: ['read'], capabilities: [], everyoneReads: true },
  ],
  register: (app, deps) => {
    userRoutes(app, deps);
    teamRoutes(app, deps);
    roleRoutes(app, deps);
    apiTokenRoutes(app, deps);
    auditLogRoutes(app, deps);
  },
};
