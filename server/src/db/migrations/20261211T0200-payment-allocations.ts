import { type Kysely, sql } from 'kysely';

// Landed migrations are never edited; a change is a new file.

/**
 * 回款 (#19): a payment received is matched to one or more instalments of its contract
 * (`allocations`, [{instalmentId, amount}]); what it does not match is held as the customer's
 * credit on the contract (`credit_amount`), usable against a later instalment. `instalment_id`
 * stays as the one instalment of a payment matched to exactly one. Instalments keep the share of
 * the contract they were planned as (`percent`, null when entered as an amount).
 * Existing payments become one allocation each. Idempotent (if not exists; backfill only empty ones).
 */
export async function up(db: Kysely<unknown>) {
  await sql
    .raw(`
  alter table contract_payments alter column instalment_id drop not null;
  alter table contract_payments add column if not exists allocations jsonb not null default '[]';
  alter table contract_payments add column if not exists credit_amount numeric(20, 2) not null default 0 check (credit_amount >= 0);
  update contract_payments set allocations = jsonb_build_array(jsonb_build_object('instalmentId', instalment_id, 'amount', to_char(amount, 'FM999999999999999990.00')))
    where allocations = '[]'::jsonb and instalment_id is not null;
  alter table contracts add column if not exists credit_amount numeric(20, 2) not null default 0;
  alter table contract_instalments add column if not exists percent numeric(7, 4) check (percent > 0 and percent <= 100);`)
    .execute(db);
}
