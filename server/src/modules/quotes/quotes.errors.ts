import { AppError, invalid } from '#platform/errors/app-error.ts';
import type { QuoteStatus } from './quote-fields.definition.ts';

/** The quotes module's refusals; messages live in ./locales under `quotes.`. */
export const quotesErrors = {
  /** 423: a quote out of draft is a document; revise it instead. */
  locked: (status: QuoteStatus) => new AppError('locked', { message: 'quotes.locked', params: { status } }),
  /** 409: the action does not apply to a quote in this status. */
  wrongStatus: (action: 'submit' | 'send' | 'decide' | 'revise') => new AppError('conflict', { message: `quotes.cannot_${action}` }),
  noLines: () => invalid('lines', 'quotes.no_lines'),
  /** 409: only an approved or sent quote goes to the customer. */
  cannotEmail: () => new AppError('conflict', { message: 'quotes.cannot_email' }),
  /** 422: no recipient given and the quote's contact has no address. */
  noRecipient: () => invalid('to', 'quotes.no_recipient'),
  notLatest: () => new AppError('conflict', { message: 'quotes.not_latest' }),
  /** 412: another write moved the record first (its version is no longer the one read). */
  staleVersion: (expected: number) => new AppError('precondition_failed', { params: { expected, actual: expected + 1 } }),
};
