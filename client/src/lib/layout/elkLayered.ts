// Runs ELK's layered algorithm on the linked cards, with the columns from layering.ts.
//
// elkjs is loaded from its bundled build (`elk.bundled.js`), which runs the layout in the same
// thread through a fake worker: it needs no worker file to be served and runs the same in the
// browser and under node (vitest). It is imported lazily, so its ~1.5 MB stay out of the board
// page's first load and are fetched when someone first asks for a layout.
import type { ELK, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import { sizeOf, type Placed } from './geometry.js';
import { assignColumns } from './layering.js';
import type { LayeredCard } from './scope.js';
import type { LayoutEdge } from './ranks.js';

/** Room between cards in a column, and between columns, where the arrows run. */
export const NODE_SPACING = 48;
export const LAYER_SPACING = 140;
const COMPONENT_SPACING = 160;

export interface LayeredResult {
  readonly placed: readonly Placed[];
  /** Cards ELK answered no usable position for; the caller puts them in the grid. */
  readonly missing: readonly LayeredCard[];
  readonly width: number;
  readonly height: number;
}

let elkInstance: Promise<ELK> | undefined;

function loadElk(): Promise<ELK> {
  elkInstance ??= import('elkjs/lib/elk.bundled.js').then(
    (module) => new module.default(),
    (error: unknown) => {
      // A chunk that failed to load (offline, a deploy in between) may load on the next try.
      elkInstance = undefined;
      throw error;
    },
  );
  return elkInstance;
}

function layoutOptions(cards: number): LayoutOptions {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    // Columns come from assignColumns as x positions; these two strategies keep them.
    'elk.layered.layering.strategy': 'INTERACTIVE',
    'elk.layered.cycleBreaking.strategy': 'INTERACTIVE',
    // The canvas draws its own straight arrows and ignores ELK's routes; polyline routing is the
    // cheapest and, unlike orthogonal routing, does not widen the gaps for edge channels.
    'elk.edgeRouting': 'POLYLINE',
    'elk.spacing.nodeNode': String(NODE_SPACING),
    'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_SPACING),
    'elk.spacing.componentComponent': String(COMPONENT_SPACING),
    // Each connected part gets its own columns, so one long causal chain does not push every
    // other part's responses far from their threats.
    'elk.separateConnectedComponents': 'true',
    // Crossing minimisation dominates the time on large boards; fewer passes there keep the
    // layout within seconds at a small cost in crossings.
    'elk.layered.thoroughness': cards > 300 ? '2' : '7',
  };
}

export async function layoutLayered(cards: readonly LayeredCard[], edges: readonly LayoutEdge[]): Promise<LayeredResult> {
  if (cards.length === 0) return { placed: [], missing: [], width: 0, height: 0 };
  const columns = assignColumns(cards.map(({ item, rank }) => ({ id: item.id, rank })), edges);
  // Column hints must not overlap, or ELK's interactive layering merges two columns into one.
  const stride = cards.reduce((widest, { item }) => Math.max(widest, sizeOf(item).w), 0) + LAYER_SPACING;

  const graph: ElkNode = {
    id: '\u0000root',
    layoutOptions: layoutOptions(cards.length),
    children: cards.map(({ item }) => ({
      id: item.id,
      ...sizeAsElk(item),
      x: (columns.get(item.id) ?? 0) * stride,
      y: item.y,
    })),
    edges: edges.map((edge, index) => ({ id: `e${index}`, sources: [edge.from], targets: [edge.to] })),
  };
  const elk = await loadElk();
  const result: unknown = await elk.layout(graph);
  return readPositions(cards, result);
}

function sizeAsElk(item: LayeredCard['item']): { width: number; height: number } {
  const { w, h } = sizeOf(item);
  return { width: w, height: h };
}

/** Narrows ELK's answer at the edge: only finite numbers for known ids are taken. */
function readPositions(cards: readonly LayeredCard[], result: unknown): LayeredResult {
  const answered = new Map<string, { x: number; y: number }>();
  const children = isRecord(result) && Array.isArray(result.children) ? (result.children as unknown[]) : [];
  for (const child of children) {
    if (!isRecord(child)) continue;
    const { id, x, y } = child;
    if (typeof id === 'string' && isFiniteNumber(x) && isFiniteNumber(y)) answered.set(id, { x, y });
  }

  const placed: Placed[] = [];
  const missing: LayeredCard[] = [];
  let minX = Infinity;
  let minY = Infinity;
  for (const card of cards) {
    const position = answered.get(card.item.id);
    if (!position) {
      missing.push(card);
      continue;
    }
    placed.push({ id: card.item.id, ...position, ...sizeOf(card.item) });
    minX = Math.min(minX, position.x);
    minY = Math.min(minY, position.y);
  }
  // ELK adds padding around the graph; the caller anchors the block, so start it at (0, 0).
  let width = 0;
  let height = 0;
  const shifted = placed.map((p) => {
    const moved = { ...p, x: p.x - minX, y: p.y - minY };
    width = Math.max(width, moved.x + moved.w);
    height = Math.max(height, moved.y + moved.h);
    return moved;
  });
  return { placed: shifted, missing, width, height };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
