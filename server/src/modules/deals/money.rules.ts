import { Decimal } from 'decimal.js';

/** amount x rate in the base currency, 2 places, half away from zero (as SQL round()). */
export const toBase = (amount: string, rate: string): string => new Decimal(amount).times(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

/** Whether an amount fits the money columns, numeric(20, 2): at most 18 digits before the point. */
export const fitsMoneyColumn = (amount: string): boolean => new Decimal(amount).abs().lt('1e18');

/** Sum of decimal strings, 2 places. */
export const sum = (values: (string | null)[]): string => values.reduce((acc: Decimal, v) => (v == null ? acc : acc.plus(v)), new Decimal(0)).toFixed(2);

/** amount x probability %, 2 places. */
export const weighted = (amount: string, probability: number): string =>
  new Decimal(amount).times(probability).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
