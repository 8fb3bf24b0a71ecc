import type { KehuModule } from '#platform/module.ts';
import { apiTokenRoutes } from './api-tokens.routes.ts';
import { auditLogRoutes } from './audit-log.routes.ts';
import { roleRoutes } from './roles.routes.ts';
import { teamRoutes } from './teams.routes.ts';
import { userRoutes } from './users.routes.ts';

export { ACCESS_OBJECTS, type AccessObject } from './roles.schema.ts';

/** Identity and access administration: users, teams, roles, API tokens and the audit trail. */
export const adminModule: KehuModule = {
  name: 'admin',
  register: (app, deps) => {
    userRoutes(app, deps);
    teamRoutes(app, deps);
    roleRoutes(app, deps);
    apiTokenRoutes(app, deps);
    auditLogRoutes(app, deps);
  },
};
