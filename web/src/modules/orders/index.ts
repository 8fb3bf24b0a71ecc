// Orders (#19). Other features reach them only through this file; its strings come with it.
import './messages';

export { RelatedOrders } from './related-orders';
