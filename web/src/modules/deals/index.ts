// Deals. Other features reach them only through this file; its strings come with it.
import './messages';

export { dealObject } from './deal-object';
