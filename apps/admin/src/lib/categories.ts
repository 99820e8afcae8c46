import type { CategoryNode } from "./types.ts";

export interface CategoryOption {
  id: string;
  name: string;
  depth: number;
  /** The category and everything below it: where it cannot be moved. */
  subtree: Set<string>;
}

/** The tree in reading order, each entry knowing its depth, for selects and indented lists. */
export function flattenCategories(tree: CategoryNode[], depth = 0): CategoryOption[] {
  return tree.flatMap((node) => {
    const below = flattenCategories(node.children, depth + 1);
    const subtree = new Set([
      node.id,
      ...below.filter((child) => child.depth === depth + 1).flatMap((c) => [...c.subtree]),
    ]);
    return [{ id: node.id, name: node.name, depth, subtree }, ...below];
  });
}

/** "Kitchen" two levels down → "    Kitchen" with non-breaking spaces, which selects keep. */
export const indented = (option: CategoryOption) => `${"\u00a0\u00a0\u00a0".repeat(option.depth)}${option.name}`;
