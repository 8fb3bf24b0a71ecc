/** a / b in percent with one decimal, null when b is zero. */
export const percent = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a * 1000) / b) / 10);
