import type { Tx } from '#db/tx.ts';
import { nextNumber, type SeriesSpec } from '#platform/numbering/numbering.ts';

/** The tickets' number series (an admin may change the pattern in the numbering settings). */
export const TICKET_SERIES: SeriesSpec = { series: 'ticket', defaultPattern: 'TK-{yyyy}-{000000}' };

/** Recognises a ticket number in a mail subject (`Re: [TK-2026-000012] ...`), whatever the pattern: the bracketed token. */
export const SUBJECT_NUMBER = /\[([\p{L}\p{N}\-_/.#]{3,40})\]/u;

/** Takes the next ticket number in the creating transaction (gap-free: a rollback gives it back). */
export const nextTicketNumber = (tx: Tx, tenantId: string): Promise<string> => nextNumber(tx, { ...TICKET_SERIES, tenantId });
