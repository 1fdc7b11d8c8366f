// The analysis of a board: pure functions from a read board (`readBoard`) to plain, JSON-friendly
// findings, shared by the live Analysis panel and the Markdown report so that both word the same
// findings. `analyseBoard` runs them all over one shared index; each is exported on its own too,
// taking that index (`indexBoard(view)`) or its interlinkage graph (`index.graph`).
import type { BoardView } from '../read.js';
import { computeBalance } from './balance.js';
import { rankHubs } from './centrality.js';
import { findGaps } from './gaps.js';
import { indexBoard, listInterlinkages } from './graph.js';
import { findLoops } from './loops.js';
import { resolveOptions } from './options.js';
import { compareProblems } from './order.js';
import { listIndicators, listResponses, summarise, threatsByDimension } from './summary.js';
import type { AnalysisOptions, BoardAnalysis } from './types.js';
import { describeWho } from './who.js';

export * from './types.js';
export { computeBalance } from './balance.js';
export { betweenness, rankHubs, BETWEENNESS_EXACT_MAX_NODES, BETWEENNESS_SAMPLE_SOURCES } from './centrality.js';
export { findGaps } from './gaps.js';
export { BoardIndex, buildInterlinkageGraph, indexBoard, listInterlinkages, type InterlinkageGraph } from './graph.js';
export { findLoops, LOOP_SEARCH_STEP_BUDGET } from './loops.js';
export { resolveOptions as resolveAnalysisOptions } from './options.js';
export { listIndicators, listResponses, summarise, threatsByDimension } from './summary.js';
export { describeWho } from './who.js';

export function analyseBoard(view: BoardView, options: AnalysisOptions = {}): BoardAnalysis {
  const resolved = resolveOptions(options);
  const index = indexBoard(view);
  return {
    summary: summarise(index, resolved),
    threatsByDimension: threatsByDimension(index),
    interlinkages: listInterlinkages(index),
    loops: findLoops(index.graph, resolved),
    mostConnected: rankHubs(index.graph, resolved),
    gaps: findGaps(index),
    balance: computeBalance(index),
    who: describeWho(index),
    responses: listResponses(index),
    indicators: listIndicators(index),
    // The reader already sorts its problems; sorting again keeps this promise for a view built
    // any other way (a filtered view, a test's hand-made one).
    problems: [...view.problems].sort(compareProblems),
  };
}
