// The order cards are drawn in (later on top): the items' `z` (fractional index strings), then
// creation time, the same order hit-testing reads (interaction/hitTest.ts).
import type Konva from 'konva';

export interface OrderKey {
  readonly z?: string | undefined;
  readonly createdAt?: number | undefined;
}

export function compareDrawOrder(a: OrderKey | undefined, b: OrderKey | undefined): number {
  const za = a?.z ?? '';
  const zb = b?.z ?? '';
  if (za !== zb) return za < zb ? -1 : 1;
  return (a?.createdAt ?? 0) - (b?.createdAt ?? 0);
}

/** Puts a container's children in draw order; `keyOf` finds a node's item. */
export function sortChildren(parent: Konva.Container, keyOf: (node: Konva.Node) => OrderKey | undefined): void {
  const children = [...parent.getChildren()];
  children.sort((a, b) => compareDrawOrder(keyOf(a), keyOf(b)));
  // Only nodes out of place move: after a few new cards most are already in order.
  children.forEach((node, index) => {
    if (node.zIndex() !== index) node.zIndex(index);
  });
}
