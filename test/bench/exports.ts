// "exports": how long each export format takes, and how big it is, for a 1,000-card and a
// 10,000-card board. Pure computation in this process, as the export route runs it (read the
// board, filter it, render): no server, so no stock column. The boards are laid out the way a
// workshop lays them out, kinds in bands and cards on a grid (random positions would pile cards
// on top of each other, which no visual export has to draw), from a seeded generator so that
// every run measures the same boards.
import {
  boardItemsCsv,
  boardLinksCsv,
  boardPdf,
  boardPng,
  boardReport,
  boardSvg,
  boardToJson,
  serializeBoardJson,
} from '@interlink/export';
import { addItem, asItemId, asLinkId, DIMENSIONS, initBoard, linkItems, type ItemId, type ItemKind, type LinkKind, type NewItem } from '@interlink/model';
import * as Y from 'yjs';
import type { Benchmark } from './benchmark.js';
import { fixed, formatTable, MiB, type TargetResult } from './report.js';
import { seededRandom } from './random.js';

const settings = {
  sizes: [1_000, 10_000],
  seed: 20_251_128,
  /** Runs per format and size; the median is reported. Fewer on the big board, where one run says enough. */
  runs: { 1_000: 3, 10_000: 1 } as Readonly<Record<number, number>>,
  /** Targets: a board of this many cards exports in each visual format within this time. */
  targetMs: { 1_000: 5_000, 10_000: 60_000 } as Readonly<Record<number, number>>,
} as const;

const KINDS: readonly ItemKind[] = ['threat', 'threat', 'threat', 'root-cause', 'response', 'response', 'actor', 'capacity', 'indicator', 'group'];
const LINKS: readonly (readonly [LinkKind, ItemKind, ItemKind])[] = [
  ['amplifies', 'threat', 'threat'],
  ['causes', 'root-cause', 'threat'],
  ['addresses', 'response', 'threat'],
  ['responsible', 'actor', 'response'],
  ['monitors', 'indicator', 'threat'],
  ['affects', 'threat', 'group'],
];
const WORDS = ['drought', 'prices', 'migration', 'wells', 'council', 'cholera', 'floods', 'seeds', 'militia', 'schools', 'market', 'rain', 'debt', 'cattle'];

/** A board of `cards` cards on a square grid, 240 x 160 units apart, and as many links. */
export function buildExportBoard(cards: number): Y.Doc {
  const random = seededRandom(settings.seed + cards).next;
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const doc = new Y.Doc();
  initBoard(doc, `Exports benchmark: ${cards} cards`);
  const columns = Math.ceil(Math.sqrt(cards * 1.5));
  const byKind = new Map<ItemKind, ItemId[]>();
  doc.transact(() => {
    for (let i = 0; i < cards; i++) {
      const kind = pick(KINDS);
      const text = Array.from({ length: 3 + Math.floor(random() * 9) }, () => pick(WORDS)).join(' ');
      const item: NewItem = { kind, x: (i % columns) * 240, y: Math.floor(i / columns) * 160, text, id: asItemId(`c${i}`), createdAt: i };
      if (kind === 'threat') Object.assign(item, { dimensions: DIMENSIONS.filter(() => random() < 0.3), severity: 1 + Math.floor(random() * 5), likelihood: 1 + Math.floor(random() * 5) });
      if (kind === 'response') Object.assign(item, { strategy: pick(['protection', 'empowerment'] as const), phase: pick(['prevention', 'mitigation', 'recovery'] as const) });
      if (kind === 'actor') Object.assign(item, { level: 'local', sector: 'community' });
      if (random() < 0.05) item.sensitivity = 'confidential';
      addItem(doc, item);
      byKind.set(kind, [...(byKind.get(kind) ?? []), item.id as ItemId]);
    }
    for (let i = 0; i < cards; i++) {
      const [kind, fromKind, toKind] = pick(LINKS);
      const from = byKind.get(fromKind) ?? [];
      const to = byKind.get(toKind) ?? [];
      if (from.length === 0 || to.length === 0) continue;
      linkItems(doc, { kind, from: pick(from), to: pick(to), id: asLinkId(`l${i}`), ...(random() < 0.1 ? { polarity: '-' as const } : {}) });
    }
  });
  return doc;
}

type Render = (doc: Y.Doc) => string | Uint8Array | Promise<string | Uint8Array>;

const options = { maxSensitivity: 'restricted', generatedAt: Date.UTC(2025, 10, 28) } as const;
const FORMATS: readonly (readonly [string, Render, boolean])[] = [
  ['svg', (doc) => boardSvg(doc, options), true],
  ['png', (doc) => boardPng(doc, options), true],
  ['pdf', (doc) => boardPdf(doc, options), true],
  ['pdf tiles', (doc) => boardPdf(doc, { ...options, fit: 'tiles' }), true],
  ['md', (doc) => boardReport(doc, options), false],
  ['json', (doc) => serializeBoardJson(boardToJson(doc, options)), false],
  ['items.csv', (doc) => boardItemsCsv(doc, options), false],
  ['links.csv', (doc) => boardLinksCsv(doc, options), false],
];

const byteLength = (body: string | Uint8Array): number => (typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);

function formatBytes(bytes: number): string {
  return bytes >= MiB ? `${fixed(bytes / MiB)} MiB` : `${fixed(bytes / 1024)} KiB`;
}

async function run(): Promise<readonly TargetResult[]> {
  const verdicts: TargetResult[] = [];
  for (const cards of settings.sizes) {
    const builtAt = performance.now();
    const doc = buildExportBoard(cards);
    console.log(`\n${cards} cards, ${doc.getMap('links').size} links, built in ${fixed(performance.now() - builtAt, 0)} ms`);
    const rows: string[][] = [];
    let slowestVisual = 0;
    for (const [format, render, visual] of FORMATS) {
      const samples: number[] = [];
      let size = 0;
      for (let i = 0; i < (settings.runs[cards] ?? 1); i++) {
        const startedAt = performance.now();
        size = byteLength(await render(doc));
        samples.push(performance.now() - startedAt);
      }
      const median = [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;
      if (visual) slowestVisual = Math.max(slowestVisual, median);
      rows.push([format, String(samples.length), fixed(median, 0), formatBytes(size)]);
    }
    console.log(formatTable(['format', 'runs', 'ms (median)', 'size'], rows));
    const target = settings.targetMs[cards] ?? Number.POSITIVE_INFINITY;
    verdicts.push({
      benchmark: 'exports',
      target: `${cards} cards: svg, png and pdf each < ${fixed(target / 1000, 0)} s`,
      pass: slowestVisual < target,
      measured: `slowest ${fixed(slowestVisual, 0)} ms`,
    });
  }
  return verdicts;
}

export const exportFormats: Benchmark = {
  name: 'exports',
  summary: 'time and size of every export format (svg, png, pdf, md, json, csv) for 1,000 and 10,000 cards (pure computation: no server, no stock column)',
  run,
};
