import type { Team } from '../settings-api';

export type TeamNode = { key: string; team: Team; children: TeamNode[] };

/** Flat teams -> a forest by parentId; orphans (parent not visible) become roots. */
export function buildTeamTree(teams: Team[]): TeamNode[] {
  const nodes = new Map(teams.map((t) => [t.id, { key: t.id, team: t, children: [] as TeamNode[] }]));
  const roots: TeamNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.team.parentId ? nodes.get(node.team.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: TeamNode[]) => {
    list.sort((a, b) => a.team.name.localeCompare(b.team.name));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}
