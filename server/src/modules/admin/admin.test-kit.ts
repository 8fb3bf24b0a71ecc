import { PASSWORD, type TestApp, type TestUser } from '../../../test/app.ts';

// Small factories for the admin integration tests; not part of the module's surface.

export async function roleIdByName(t: TestApp, name: string): Promise<string> {
  const res = await t.request(t.admin, { method: 'GET', url: `/api/v1/roles?filter=${encodeURIComponent(JSON.stringify({ name: { eq: name } }))}` });
  const id = res.json().data[0]?.id as string | undefined;
  if (!id) throw new Error(`no role ${name}: ${res.body}`);
  return id;
}

export const login = (t: TestApp, email: string, password = PASSWORD) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': 'en' }, payload: { email, password } });

/** A user created through the API (not the harness), signed in with a session token. */
export async function makeUser(t: TestApp, payload: Record<string, unknown> = {}): Promise<TestUser & { version: number }> {
  const email = (payload.email as string | undefined) ?? `u${Math.random().toString(36).slice(2, 10)}@acme.test`;
  const res = await t.request(t.admin, { method: 'POST', url: '/api/v1/users', payload: { name: email, password: PASSWORD, ...payload, email } });
  if (res.statusCode !== 201) throw new Error(`create user: ${res.statusCode} ${res.body}`);
  const signedIn = await login(t, email);
  return { id: res.json().id, email, tenantId: t.admin.tenantId, token: signedIn.json().token, version: res.json().version };
}

export const auditOf = async (t: TestApp, query: Record<string, string>) => {
  const res = await t.request(t.admin, { method: 'GET', url: `/api/v1/audit-log?${new URLSearchParams(query)}` });
  if (res.statusCode !== 200) throw new Error(`audit-log: ${res.statusCode} ${res.body}`);
  return res.json().data as { action: string; objectId: string; actorId: string; changes: Record<string, { from: unknown; to: unknown }> }[];
};
