import type { OrgNode } from '@panoramix/contracts';

export interface OrgBranch {
  node: OrgNode;
  children: OrgBranch[];
}

/**
 * The manager tree: people without manager (or whose manager is gone) are roots, everyone else
 * sits under their manager, in the order given (the server's name order). Someone on or under a
 * loop that older data may hold (the server refuses new ones) is shown as a root: everyone appears once.
 */
export function buildForest(nodes: readonly OrgNode[]): OrgBranch[] {
  const branches = new Map(nodes.map((node) => [node.id, { node, children: [] as OrgBranch[] }]));
  const reachesRoot = (id: string) => {
    const seen = new Set<string>();
    for (let at: string | null | undefined = id; at; at = branches.get(at)?.node.managerId) {
      if (seen.has(at)) return false;
      seen.add(at);
    }
    return true;
  };
  const roots: OrgBranch[] = [];
  for (const branch of branches.values()) {
    const manager = branch.node.managerId ? branches.get(branch.node.managerId) : undefined;
    if (manager && reachesRoot(branch.node.id)) manager.children.push(branch);
    else roots.push(branch);
  }
  return roots;
}

/** The rows the tree shows, top to bottom, with their depth: collapsed branches hide their children. */
export function visibleRows(forest: readonly OrgBranch[], expanded: ReadonlySet<string>) {
  const rows: { branch: OrgBranch; depth: number; parentId: string | null }[] = [];
  const walk = (branch: OrgBranch, depth: number, parentId: string | null) => {
    rows.push({ branch, depth, parentId });
    if (expanded.has(branch.node.id)) branch.children.forEach((child) => walk(child, depth + 1, branch.node.id));
  };
  forest.forEach((root) => walk(root, 0, null));
  return rows;
}
