import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import { dayParts, type NumberPattern, parsePattern, periodOf, renderNumber } from './number-pattern.ts';

/** A series an object declares (ObjectDeclaration.numbering): its key and the pattern until an admin sets another. */
export type SeriesSpec = { series: string; defaultPattern: string };

/**
 * Takes the next number of `series` for the tenant the transaction is bound to, in that
 * transaction: the series row stays locked until it commits, so concurrent creators queue and
 * every number is used once; a creation that rolls back gives its number back (gap-free).
 * Call it late in the creating transaction: creators of one series wait for each other's commit.
 */
export async function nextNumber(tx: Tx, o: SeriesSpec & { tenantId: string; now?: Date }): Promise<string> {
  await sql`insert into number_series (tenant_id, series, pattern) values (${o.tenantId}, ${o.series}, ${o.defaultPattern})
    on conflict (tenant_id, series) do nothing`.execute(tx);
  const { rows } = await sql<{ pattern: string; period: string; next_value: string; timezone: string }>`
    select s.pattern, s.period, s.next_value, t.timezone from number_series s join tenants t on t.id = s.tenant_id
    where s.tenant_id = ${o.tenantId} and s.series = ${o.series} for update of s`.execute(tx);
  const row = rows[0];
  if (!row) throw new Error(`number series ${o.series} vanished`);
  const pattern = storedPattern(row.pattern);
  const day = dayParts(o.now ?? new Date(), row.timezone);
  const period = periodOf(pattern, day);
  const value = period === row.period ? Number(row.next_value) : 1;
  await sql`update number_series set next_value = ${value + 1}, period = ${period}
    where tenant_id = ${o.tenantId} and series = ${o.series}`.execute(tx);
  return renderNumber(pattern, value, day);
}

/** What the next number will read, without taking it (settings preview). */
export function previewNumber(o: { pattern: string; period: string; nextValue: number; timeZone: string; now?: Date }): string {
  const pattern = storedPattern(o.pattern);
  const day = dayParts(o.now ?? new Date(), o.timeZone);
  return renderNumber(pattern, periodOf(pattern, day) === o.period ? o.nextValue : 1, day);
}

function storedPattern(text: string): NumberPattern {
  const parsed = parsePattern(text);
  if (!('pattern' in parsed)) throw new Error(`stored number pattern ${JSON.stringify(text)} is invalid: ${parsed.problem}`);
  return parsed.pattern;
}
