import type { Tx } from '#db/tx.ts';
import { suppressedOf } from '#modules/privacy/index.ts';
import type { FieldError } from '#platform/errors/app-error.ts';
import type { RowContext } from './import-row.service.ts';

const emailsOf = (input: Record<string, unknown>) =>
  ((input.emails as { address?: string }[] | undefined) ?? []).flatMap((e) => (e.address ? [e.address] : []));
const phonesOf = (input: Record<string, unknown>) => ((input.phones as { number?: string }[] | undefined) ?? []).flatMap((p) => (p.number ? [p.number] : []));

/** The row error of a person on the privacy suppression list: the address is not repeated (it is in the user's own file). */
export const SUPPRESSED: FieldError = { field: 'row', message: 'imports.suppressed' };

/**
 * Which of the rows' inputs name a person on the privacy suppression list (erased, or objected),
 * by any of their e-mail addresses or phones, with one lookup for the whole batch (#21): an
 * import must not bring them back silently.
 */
export type SuppressedInputsOptions = { rc: RowContext; inputs: Record<string, unknown>[] };

export async function suppressedInputs(tx: Tx, { rc, inputs }: SuppressedInputsOptions): Promise<Set<number>> {
  const emails = inputs.flatMap(emailsOf);
  const phones = inputs.flatMap(phonesOf);
  if (!emails.length && !phones.length) return new Set();
  const hit = new Set(await suppressedOf({ tx, deps: rc.deps, tenantId: rc.ctx.tenantId, emails, phones }));
  if (!hit.size) return new Set();
  return new Set(inputs.flatMap((input, i) => ([...emailsOf(input), ...phonesOf(input)].some((v) => hit.has(v)) ? [i] : [])));
}
