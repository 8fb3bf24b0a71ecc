import { createHmac } from 'node:crypto';
import { deriveKey, readingKeys } from '#platform/crypto/keys.ts';
import type { Tx } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { digitsOf, toE164 } from '#platform/phones.ts';
import { privacyErrors } from './privacy.errors.ts';
import { insertSuppressions, suppressedHashes } from './suppression.repo.ts';

type Kind = 'email' | 'phone';

const normalized = (kind: Kind, value: string): string | null => {
  const v = value.trim();
  if (!v) return null;
  if (kind === 'email') return v.toLowerCase();
  const e164 = toE164(v);
  return e164 ?? (digitsOf(v).length >= 5 ? digitsOf(v) : null);
};

/**
 * The list holds keyed hashes only (HMAC-SHA256 under the master key's `privacy-suppression`
 * sub-key, per tenant): a database dump does not give the erased addresses back, and the same
 * person in two tenants gets two unrelated hashes.
 */
export function suppressionHash(o: { masterKey: Buffer; tenantId: string; kind: Kind; value: string }): string | null {
  const value = normalized(o.kind, o.value);
  return value ? hmacOf(deriveKey(o.masterKey, 'privacy-suppression'), o.tenantId, o.kind, value) : null;
}

const hmacOf = (key: Buffer, tenantId: string, kind: Kind, value: string) =>
  createHmac('sha256', key).update(`${tenantId}\u0000${kind}\u0000${value}`).digest('base64url');

/** The hashes a listed value may be stored under: also the version-1 master key's (listed before the KDF, #22; hashes cannot be rebuilt). */
function lookupHashes(o: { masterKey: Buffer; tenantId: string; kind: Kind; value: string }): string[] {
  const value = normalized(o.kind, o.value);
  return value ? readingKeys(o.masterKey, 'privacy-suppression').map((key) => hmacOf(key, o.tenantId, o.kind, value)) : [];
}

export type SuppressionCheck = { tx: Tx; deps: Pick<Deps, 'masterKey'>; tenantId: string; emails?: readonly string[]; phones?: readonly string[] };

const hashesOf = (o: SuppressionCheck) => [
  ...(o.emails ?? []).map((value) => ({
    kind: 'email' as const,
    value,
    hash: suppressionHash({ masterKey: o.deps.masterKey, tenantId: o.tenantId, kind: 'email', value }),
  })),
  ...(o.phones ?? []).map((value) => ({
    kind: 'phone' as const,
    value,
    hash: suppressionHash({ masterKey: o.deps.masterKey, tenantId: o.tenantId, kind: 'phone', value }),
  })),
];

/**
 * The given e-mail addresses and phones that are suppressed (an erased or opted-out person), as
 * given. Imports, lead capture and outbound mail ask this before bringing a person back or
 * mailing them; one indexed lookup per call.
 */
export async function suppressedOf(o: SuppressionCheck): Promise<string[]> {
  const asked = hashesOf(o).map((h) => ({
    value: h.value,
    hashes: lookupHashes({ masterKey: o.deps.masterKey, tenantId: o.tenantId, kind: h.kind, value: h.value }),
  }));
  const found = new Set(
    await suppressedHashes(
      o.tx,
      asked.flatMap((a) => a.hashes),
    ),
  );
  return asked.filter((a) => a.hashes.some((h) => found.has(h))).map((a) => a.value);
}

export const isSuppressed = async (o: SuppressionCheck): Promise<boolean> => (await suppressedOf(o)).length > 0;

/** Puts a person's addresses on the list, in the caller's transaction. */
export async function suppress(o: SuppressionCheck & { reason: 'erasure' | 'objection'; requestId: string }): Promise<number> {
  const rows = hashesOf(o).flatMap((h) => (h.hash ? [{ kind: h.kind, hash: h.hash, reason: o.reason, requestId: o.requestId }] : []));
  return insertSuppressions(o.tx, o.tenantId, rows);
}

/**
 * Throws a translated 409 when one of the addresses is suppressed: the one line an import row, a
 * lead capture or a form calls before it creates or revives a person (the erased stay erased).
 */
export async function refuseSuppressed(o: SuppressionCheck): Promise<void> {
  const found = await suppressedOf(o);
  if (found.length) throw privacyErrors.suppressed();
}
