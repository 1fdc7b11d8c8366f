// "analysis": how long the live Analysis panel and the report take to analyse a very large
// board. Pure computation in this process: no server is involved, so there is no stock-server
// column. The board is built as a real Y.Doc through the model's commands (what a browser holds
// after a long workshop), from a seeded random generator so that every run measures the same
// board; readBoard and analyseBoard are timed separately, since the panel re-reads on change.
import * as Y from 'yjs';
import {
  addItem,
  analyseBoard,
  asItemId,
  asLinkId,
  DIMENSIONS,
  initBoard,
  LEVELS,
  linkItems,
  PHASES,
  readBoard,
  SECTORS,
  STRATEGIES,
  type ItemId,
  type ItemKind,
  type LinkKind,
  type NewItem,
} from '@interlink/model';
import type { Benchmark } from './benchmark.js';
import { fixed, formatTable, type TargetResult } from './report.js';
import { percentiles } from './stats.js';
import { seededRandom } from './random.js';

const settings = {
  items: 10_000,
  links: 10_000,
  seed: 20_251_128,
  warmupRuns: 3,
  runs: 20,
  targetMs: 200,
} as const;

/** Share of items per kind: a workshop board is mostly threats, with the plan around them. */
const ITEM_MIX: readonly (readonly [ItemKind, number])[] = [
  ['threat', 0.35],
  ['root-cause', 0.1],
  ['response', 0.2],
  ['actor', 0.1],
  ['capacity', 0.05],
  ['indicator', 0.05],
  ['group', 0.075],
  ['note', 0.075],
];

/** Share of links per kind and which kinds they join; mostly the interlinkages between threats. */
const LINK_MIX: readonly (readonly [LinkKind, ItemKind, ItemKind, number])[] = [
  ['amplifies', 'threat', 'threat', 0.4],
  ['causes', 'threat', 'threat', 0.1],
  ['causes', 'root-cause', 'threat', 0.1],
  ['addresses', 'response', 'threat', 0.12],
  ['addresses', 'response', 'root-cause', 0.04],
  ['responsible', 'actor', 'response', 0.1],
  ['strengthens', 'response', 'capacity', 0.03],
  ['monitors', 'indicator', 'threat', 0.04],
  ['affects', 'threat', 'group', 0.05],
  ['relates', 'note', 'threat', 0.02],
];

function fieldsFor(kind: ItemKind, random: () => number): Partial<NewItem> {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const score = (): number => 1 + Math.floor(random() * 5);
  switch (kind) {
    case 'threat':
      return {
        dimensions: DIMENSIONS.filter(() => random() < 0.2),
        ...(random() < 0.8 ? { severity: score(), likelihood: score() } : {}),
        ...(random() < 0.3 ? { level: pick(LEVELS) } : {}),
      };
    case 'root-cause':
      return random() < 0.6 ? { level: pick(LEVELS) } : {};
    case 'actor':
      return { level: pick(LEVELS), sector: pick(SECTORS) };
    case 'response':
      return { ...(random() < 0.9 ? { strategy: pick(STRATEGIES) } : {}), ...(random() < 0.7 ? { phase: pick(PHASES) } : {}) };
    case 'indicator':
      return { ...(random() < 0.7 ? { threshold: 'above 30%' } : {}), ...(random() < 0.6 ? { action: 'call the council' } : {}) };
    default:
      return {};
  }
}

/** The benchmark board, exported so that a profiler script can analyse the same board. */
export function buildBenchmarkBoard(): Y.Doc {
  const random = seededRandom(settings.seed).next;
  const doc = new Y.Doc();
  initBoard(doc, 'Analysis benchmark');
  const byKind = new Map<ItemKind, ItemId[]>();
  // One outer transaction: the commands join it, and the build takes a second instead of many.
  doc.transact(() => {
    let made = 0;
    for (const [kind, share] of ITEM_MIX) {
      const ids: ItemId[] = [];
      for (let i = 0; i < Math.round(settings.items * share); i++, made++) {
        const id = asItemId(`i${String(made).padStart(5, '0')}`);
        const text = `${kind} ${Math.floor(random() * 100_000)}`;
        ids.push(addItem(doc, { kind, x: random() * 20_000, y: random() * 20_000, text, id, createdAt: made, ...fieldsFor(kind, random) }));
      }
      byKind.set(kind, ids);
    }
    let linked = 0;
    for (const [kind, fromKind, toKind, share] of LINK_MIX) {
      const from = byKind.get(fromKind) ?? [];
      const to = byKind.get(toKind) ?? [];
      for (let i = 0; i < Math.round(settings.links * share); i++, linked++) {
        const polarity = kind === 'amplifies' && random() < 0.15 ? ('-' as const) : undefined;
        linkItems(doc, {
          kind,
          from: from[Math.floor(random() * from.length)] as ItemId,
          to: to[Math.floor(random() * to.length)] as ItemId,
          id: asLinkId(`l${String(linked).padStart(5, '0')}`),
          ...(polarity ? { polarity } : {}),
        });
      }
    }
  });
  return doc;
}

function timeRuns<T>(run: () => T): { readonly samples: number[]; readonly last: T } {
  let last = run();
  for (let i = 1; i < settings.warmupRuns; i++) last = run();
  const samples: number[] = [];
  for (let i = 0; i < settings.runs; i++) {
    const startedAt = performance.now();
    last = run();
    samples.push(performance.now() - startedAt);
  }
  return { samples, last };
}

async function run(): Promise<readonly TargetResult[]> {
  const builtAt = performance.now();
  const doc = buildBenchmarkBoard();
  const buildMs = performance.now() - builtAt;
  const read = timeRuns(() => readBoard(doc));
  const view = read.last;
  console.log(`built ${view.items.size} items and ${view.links.size} links through the commands in ${fixed(buildMs, 0)} ms`);
  const analysed = timeRuns(() => analyseBoard(view));
  const analysis = analysed.last;
  const rows = [
    ['readBoard', read.samples],
    ['analyseBoard', analysed.samples],
  ] as const;
  console.log(
    formatTable(
      ['step (ms)', 'runs', 'p50', 'p95', 'max'],
      rows.map(([step, samples]) => {
        const p = percentiles(samples);
        return [step, String(p.count), fixed(p.p50), fixed(p.p95), fixed(p.max)];
      }),
    ),
  );
  const { loops } = analysis;
  console.log(
    `loops: ${loops.loops.length} listed, truncated: ${loops.truncated} (caps: ${loops.maxLoops} loops, ${loops.maxLoopLength} links); ` +
      `interlinkages: ${analysis.interlinkages.length}; betweenness sampled: ${analysis.mostConnected.betweennessSampled}; ` +
      `unaddressed threats: ${analysis.gaps.unaddressedThreats.length}`,
  );
  const p50 = percentiles(analysed.samples).p50;
  // What the md export and the live panel pay: reading the board is part of every analysis.
  const readAndAnalyse = timeRuns(() => analyseBoard(readBoard(doc)));
  const endToEnd = percentiles(readAndAnalyse.samples).p50;
  console.log(`readBoard + analyseBoard: p50 ${fixed(endToEnd)} ms over ${readAndAnalyse.samples.length} runs`);
  return [
    {
      benchmark: 'analysis',
      target: `analysis of 10k items + 10k links < ${settings.targetMs} ms (p50)`,
      pass: p50 < settings.targetMs,
      measured: `p50 ${fixed(p50)} ms, readBoard p50 ${fixed(percentiles(read.samples).p50)} ms`,
    },
    {
      benchmark: 'analysis',
      target: `read + analysis of 10k items + 10k links < ${settings.targetMs} ms (p50)`,
      pass: endToEnd < settings.targetMs,
      measured: `p50 ${fixed(endToEnd)} ms`,
    },
  ];
}

export const analysis: Benchmark = {
  name: 'analysis',
  summary: 'analyseBoard on a seeded 10,000-item, 10,000-link board (pure computation: no server, no stock column)',
  run,
};
