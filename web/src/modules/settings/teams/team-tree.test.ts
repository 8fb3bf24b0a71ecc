import type { Team } from '../settings-api';
import { buildTeamTree } from './team-tree';

const team = (id: string, name: string, parentId: string | null): Team => ({ id, name, parentId, memberCount: 0, childCount: 0, version: 1 });

describe('buildTeamTree', () => {
  it('nests teams under their parents and sorts by name', () => {
    const tree = buildTeamTree([team('c', '华南', 'a'), team('a', '销售部', null), team('b', '华北', 'a'), team('x', 'Orphan', 'missing')]);
    expect(tree.map((n) => n.team.name)).toEqual(['Orphan', '销售部']);
    expect(tree[1]?.children.map((n) => n.team.name)).toEqual(['华北', '华南']);
  });
});
