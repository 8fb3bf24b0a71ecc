import { z } from 'zod';
import { ACTIONS } from '#platform/access/access.ts';
import { ZListQuery } from '#platform/http/list-query.ts';

const actions: readonly string[] = ACTIONS;
const OBJECT_NAME = /^[a-z][a-z0-9_-]{0,62}$/;

/** The object a scope names (`price_book` of `price_book:read`), or null for `*`; the service checks it against the registry. */
export const scopeObject = (scope: string): string | null => {
  const object = scope.split(':')[0] ?? '';
  return object === '*' ? null : object;
};

/** `contact:read`, `deal:*`, `*:read`: a token may do at most this, and never more than its user. */
const ZScope = z
  .string()
  .max(80)
  .refine((scope) => {
    const [object = '', action = '', ...rest] = scope.split(':');
    return rest.length === 0 && (object === '*' || OBJECT_NAME.test(object)) && (action === '*' || actions.includes(action));
  }, 'object:action, e.g. contact:read or deal:*');

export const ZApiToken = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the token, to recognise it'),
  scopes: z.array(z.string()).describe('Empty means everything the user may do'),
  rateLimit: z.number().int().nullable().describe('Requests per minute; null uses the server default'),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TApiToken = z.infer<typeof ZApiToken>;

export const ZCreatedApiToken = ZApiToken.extend({ token: z.string().describe('Shown once; only its hash is stored') });

export const ZCreateApiTokenRequest = z
  .object({
    name: z.string().trim().min(1).max(100),
    expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
    rateLimit: z.number().int().min(1).max(100_000).nullable().optional(),
    scopes: z.array(ZScope).max(50).default([]),
  })
  .strict();
export type TCreateApiTokenRequest = z.infer<typeof ZCreateApiTokenRequest>;

export const ZApiTokenListQuery = ZListQuery.omit({ deleted: true });
export type TApiTokenListQuery = z.infer<typeof ZApiTokenListQuery>;
