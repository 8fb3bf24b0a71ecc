// Contracts and 回款 (#19). Other features reach them only through this file; its strings come with it.
import './messages';

export { RelatedContracts } from './related-contracts';
