// Quotes (#19). Other features reach them only through this file; its strings come with it.
import './messages';

export { RelatedQuotes } from './related-quotes';
/** A priced document's lines and totals (orders show theirs with it). */
export { QuoteLinesTable, type PricedDocument } from './quote-lines-table';
