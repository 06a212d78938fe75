// The catalog's column tree flattened for selects and indented lists.
import type { ColumnNode } from '../catalog/catalog.contract.ts';

export interface FlatColumn {
  node: ColumnNode;
  depth: number;
}

export function flattenColumns(tree: ColumnNode[], depth = 0): FlatColumn[] {
  return tree.flatMap((node) => [{ node, depth }, ...flattenColumns(node.children, depth + 1)]);
}

/** Select options indented with full-width spaces, since <option> cannot be styled reliably. */
export function columnOptions(tree: ColumnNode[]): { value: string; label: string }[] {
  return flattenColumns(tree).map(({ node, depth }) => ({ value: node.id, label: `${'　'.repeat(depth)}${depth ? '└ ' : ''}${node.name}` }));
}
