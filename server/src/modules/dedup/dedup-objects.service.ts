import { createHmac } from 'node:crypto';
import { deriveKey } from '#platform/crypto/keys.ts';
import type { Tx } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import type { DedupKeyContext, DedupSpec } from '#platform/objects/dedup-spec.ts';
import { definitionOf, type ObjectDeclaration } from '#platform/objects/object-registry.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import type { Versioned } from '#platform/records/record-service.ts';
import { companyCore } from './company-name.rules.ts';
import { dedupErrors } from './dedup.errors.ts';
import { normalizeText } from './text.rules.ts';

/** A registry object with the dedup capability: its table, record definition (for merges) and the spec its module declares. */
export type DedupTarget = { name: string; table: string; def: ObjectDefinition<Versioned>; spec: DedupSpec };

const targetOf = (d: ObjectDeclaration): DedupTarget[] => {
  const def = definitionOf<Versioned>(d);
  return d.capabilities.includes('dedup') && d.dedup && def ? [{ name: d.name, table: def.table, def, spec: d.dedup }] : [];
};

/** The standard objects duplicate detection covers, in registry order (what the incremental check subscribes to). */
export function standardDedupTargets(deps: Pick<Deps, 'objects'>): DedupTarget[] {
  return deps.objects.standard.flatMap(targetOf);
}

export type DedupTargetsOptions = { deps: Pick<Deps, 'objects'>; tx: Tx };
/** Every object of the tenant duplicate detection covers: the standard ones, then its custom objects. */
export async function dedupTargets({ deps, tx }: DedupTargetsOptions): Promise<DedupTarget[]> {
  return (await deps.objects.forTenant(tx)).flatMap(targetOf);
}

export type DedupTargetOptions = { deps: Pick<Deps, 'objects'>; tx: Tx; object: string };
/** The object's target, standard or the tenant's custom object; an unknown one is a 400 on `object`. */
export async function dedupTarget({ deps, tx, object }: DedupTargetOptions): Promise<DedupTarget> {
  const standard = deps.objects.byName(object);
  const target = standard ? targetOf(standard)[0] : (await dedupTargets({ deps, tx })).find((t) => t.name === object);
  if (!target) throw dedupErrors.unknownObject(object);
  return target;
}

/** ID numbers and tax ids become keyed hashes: equal ones still meet, the key table never holds them. */
export function identifierHash(k: { secret: Buffer; tenantId: string }, value: string | null | undefined): string | null {
  const clean = value?.replace(/[\s-]/g, '').toUpperCase();
  return clean ? createHmac('sha256', k.secret).update(`${k.tenantId}:${clean}`).digest('base64url').slice(0, 22) : null;
}

export type KeyContextOptions = { deps: Deps; tx: Tx; tenantId: string };
/** What a spec's `candidate` gets for one tenant. */
export async function keyContext({ deps, tx, tenantId }: KeyContextOptions): Promise<DedupKeyContext> {
  // Its own HKDF sub-key (keys hashed before with the master key are rebuilt: rekey.service.ts).
  const k = { secret: deriveKey(deps.masterKey, 'dedup-identifier'), tenantId };
  return {
    cipher: await deps.ciphers.forTenant(tenantId, tx),
    identifierHash: (value) => identifierHash(k, value),
    companyCore,
    normalizeText,
  };
}
