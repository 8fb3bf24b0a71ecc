import type { Tx } from './tx.ts';

/**
 * A value loaded once per transaction (tenant settings, field definitions): keyed by the Tx
 * object, so it goes with it. Only for what the transaction itself does not change.
 */
export function txMemo<V>(): (tx: Tx, key: string, load: () => Promise<V>) => Promise<V> {
  const memo = new WeakMap<Tx, Map<string, Promise<V>>>();
  return (tx, key, load) => {
    const values = memo.get(tx) ?? new Map<string, Promise<V>>();
    memo.set(tx, values);
    let value = values.get(key);
    if (!value) {
      value = load();
      values.set(key, value);
      value.catch(() => values.delete(key));
    }
    return value;
  };
}
