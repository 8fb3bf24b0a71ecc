// Products and price books (#19). Other features reach them only through this file; its strings come with it.
import './messages';

export { productsApi, productKeys, type PriceBook, type PriceBookEntry, type Product } from './products-api';
