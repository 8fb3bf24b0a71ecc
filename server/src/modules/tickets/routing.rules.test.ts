import { describe, expect, it } from 'vitest';
import { type AgentLoad, pickAgent, type RoutingQueue } from './routing.rules.ts';

const members = [
  { userId: 'a', skills: ['billing'] },
  { userId: 'b', skills: ['网络', 'printer'] },
  { userId: 'c', skills: [] },
];
const loads = (entries: [string, boolean, number][]) =>
  new Map<string, AgentLoad>(entries.map(([id, available, openTickets]) => [id, { available, openTickets }]));
const queue = (method: RoutingQueue['method'], lastUserId: string | null = null): RoutingQueue => ({ id: 'q', method, members, lastUserId });

describe('queue routing', () => {
  it('round robin takes the next available member after the last pick, wrapping around', () => {
    const all = loads([
      ['a', true, 0],
      ['b', true, 0],
      ['c', true, 0],
    ]);
    expect(pickAgent({ queue: queue('round_robin'), loads: all, needs: [] })).toBe('a');
    expect(pickAgent({ queue: queue('round_robin', 'a'), loads: all, needs: [] })).toBe('b');
    expect(pickAgent({ queue: queue('round_robin', 'c'), loads: all, needs: [] })).toBe('a');
    // b is unavailable: skipped.
    expect(
      pickAgent({
        queue: queue('round_robin', 'a'),
        loads: loads([
          ['a', true, 0],
          ['b', false, 0],
          ['c', true, 0],
        ]),
        needs: [],
      }),
    ).toBe('c');
  });

  it('least open picks the available member with the fewest open tickets, ties to the earlier member', () => {
    expect(
      pickAgent({
        queue: queue('least_open'),
        loads: loads([
          ['a', true, 5],
          ['b', true, 2],
          ['c', true, 2],
        ]),
        needs: [],
      }),
    ).toBe('b');
    expect(
      pickAgent({
        queue: queue('least_open'),
        loads: loads([
          ['a', true, 5],
          ['b', false, 0],
          ['c', true, 2],
        ]),
        needs: [],
      }),
    ).toBe('c');
  });

  it('skill match prefers members with a needed skill (case-insensitive, Chinese too), else everyone', () => {
    const all = loads([
      ['a', true, 0],
      ['b', true, 9],
      ['c', true, 1],
    ]);
    expect(pickAgent({ queue: queue('skill_match'), loads: all, needs: ['Printer'] })).toBe('b');
    expect(pickAgent({ queue: queue('skill_match'), loads: all, needs: ['网络'] })).toBe('b');
    expect(pickAgent({ queue: queue('skill_match'), loads: all, needs: ['legal'] })).toBe('a');
  });

  it('nobody available, no members or a manual queue: no pick', () => {
    expect(pickAgent({ queue: queue('least_open'), loads: loads([['a', false, 0]]), needs: [] })).toBeNull();
    expect(pickAgent({ queue: { ...queue('round_robin'), members: [] }, loads: new Map(), needs: [] })).toBeNull();
    expect(pickAgent({ queue: queue('manual'), loads: loads([['a', true, 0]]), needs: [] })).toBeNull();
  });
});
