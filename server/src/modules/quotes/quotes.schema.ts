import { z } from 'zod';
import { QUOTE_FIELDS } from './quote-fields.definition.ts';

export { QUOTE_STATUSES, type QuoteStatus, ZQuoteLine, ZQuoteLineInput, type TQuoteLine, type TQuoteLineInput } from './quote-fields.definition.ts';

export const ZQuote = z.object(QUOTE_FIELDS.output);
export type TQuote = z.infer<typeof ZQuote>;

/** Amounts a client may send back with a quote it read: dropped before validation (quotes.routes.ts), the server computes them. */
export const COMPUTED_AMOUNTS = ['grossTotal', 'subtotal', 'discountAmount', 'discount', 'taxTotal', 'total', 'totalBase'] as const;

export const ZUpdateQuoteRequest = z.object(QUOTE_FIELDS.input).partial().strict();
export type TUpdateQuoteRequest = z.infer<typeof ZUpdateQuoteRequest>;
/** From a deal (its customer and currency come along) or a customer; the name defaults to the deal's. */
export const ZCreateQuoteRequest = ZUpdateQuoteRequest;
export type TCreateQuoteRequest = z.infer<typeof ZCreateQuoteRequest>;

export const ZSubmitQuoteRequest = z.object({ comment: z.string().trim().max(2000).optional() }).strict();
export const ZDecideQuoteRequest = z.object({ outcome: z.enum(['accepted', 'rejected']) }).strict();

const ZLocale = z.enum(['zh-CN', 'en']);
export const ZQuotePdfQuery = z.object({ locale: ZLocale.optional() });
export const ZEmailQuoteRequest = z
  .object({
    /** Default: the quote's contact's first address. */
    to: z.email().max(254).optional(),
    subject: z.string().trim().min(1).max(300).optional(),
    /** A note above the standard text. */
    message: z.string().trim().max(5000).optional(),
    /** The e-mail's and the PDF's language; default the request's. */
    locale: ZLocale.optional(),
  })
  .strict();
