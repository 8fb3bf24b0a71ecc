import { sameValue } from './conditions.rules.ts';
import { readField } from './formula.rules.ts';

/** Conditions on what an inbound webhook call carried: `{"payload.amount":{"gte":1000}}`, decided in memory before the record query. */
export const PAYLOAD_PREFIX = 'payload.';
export const PAYLOAD_OPERATORS = ['eq', 'ne', 'in', 'nin', 'contains', 'startsWith', 'gt', 'gte', 'lt', 'lte', 'isEmpty'] as const;

type Node = Record<string, unknown>;
const isObject = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);
const isPayloadKey = (key: string) => key.startsWith(PAYLOAD_PREFIX) && key.length > PAYLOAD_PREFIX.length;
const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN);

function holds(value: unknown, op: string, operand: unknown): boolean {
  const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  switch (op) {
    case 'eq':
      return sameValue(value, operand);
    case 'ne':
      return !sameValue(value, operand);
    case 'in':
      return Array.isArray(operand) && operand.some((o) => sameValue(value, o));
    case 'nin':
      return !Array.isArray(operand) || !operand.some((o) => sameValue(value, o));
    case 'contains':
      return !empty && String(value).toLowerCase().includes(String(operand).toLowerCase());
    case 'startsWith':
      return !empty && String(value).toLowerCase().startsWith(String(operand).toLowerCase());
    case 'isEmpty':
      return operand === false ? !empty : empty;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const [a, b] = [num(value), num(operand)];
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      return op === 'gt' ? a > b : op === 'gte' ? a >= b : op === 'lt' ? a < b : a <= b;
    }
    default:
      return false;
  }
}

/**
 * Replaces each payload condition by whether it holds on the call's payload (or, with `payload`
 * null, leaves it out: what the record query and the save-time check must accept). And/or keep
 * their meaning: a decided `or` branch settles the `or`.
 */
export function resolvePayload(node: unknown, payload: Record<string, unknown> | null): unknown {
  if (!isObject(node)) return node;
  const out: Node = {};
  const decided: boolean[] = [];
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) {
      const children = value.map((child) => resolvePayload(child, payload));
      const bools = children.filter((c): c is boolean => typeof c === 'boolean');
      const rest = children.filter((c) => typeof c !== 'boolean' && c !== null) as Node[];
      if (key === 'or' && bools.includes(true)) decided.push(true);
      else if (key === 'and' && bools.includes(false)) decided.push(false);
      else if (rest.length > 0) out[key] = rest;
      else if (bools.length > 0) decided.push(key === 'and');
      continue;
    }
    if (!isPayloadKey(key)) {
      out[key] = value;
      continue;
    }
    if (payload === null) continue;
    const ops = isObject(value) ? value : { eq: value };
    const actual = readField(payload, key.slice(PAYLOAD_PREFIX.length));
    decided.push(Object.entries(ops).every(([op, operand]) => holds(actual, op, operand)));
  }
  if (decided.includes(false)) return false;
  if (Object.keys(out).length > 0) return out;
  return decided.length > 0 ? true : null;
}

/** Every payload condition's operators (for the save-time check). */
export function payloadConditions(node: unknown): { key: string; ops: string[] }[] {
  if (!isObject(node)) return [];
  return Object.entries(node).flatMap(([key, value]) => {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) return value.flatMap(payloadConditions);
    return isPayloadKey(key) ? [{ key, ops: isObject(value) ? Object.keys(value) : ['eq'] }] : [];
  });
}
