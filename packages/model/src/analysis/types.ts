// What the analysis of a board answers (DOMAIN.md: the questions a human security analysis asks).
// Plain, JSON-friendly data keyed by item and link ids, so that the Markdown report and the live
// Analysis panel word the same findings, and every finding can select its cards on the canvas.
// Every list is in a deterministic order (never Yjs map order), so that two replicas that merged
// the same changes in a different order produce an equal analysis.
import type { ItemId, LinkId } from '../ids.js';
import type { Problem } from '../problems.js';
import type { ActorLevel, Dimension, Phase, Sector, Strategy } from '../vocabulary.js';

export interface AnalysisOptions {
  /** How many threats the "most connected" and "riskiest" lists hold. Default 5. */
  readonly topN?: number;
  /** Loop enumeration stops after this many loops (a dense graph has exponentially many). Default 500. */
  readonly maxLoops?: number;
  /** Loops longer than this many links are not enumerated. Default 12. */
  readonly maxLoopLength?: number;
}

export const DEFAULT_ANALYSIS_OPTIONS: Required<AnalysisOptions> = { topN: 5, maxLoops: 500, maxLoopLength: 12 };

/** Responses counted by strategy; `unspecified` are responses with no (readable) strategy. */
export interface StrategyCount {
  readonly protection: number;
  readonly empowerment: number;
  readonly unspecified: number;
}

export interface Summary {
  /** Items per stored kind, unknown kinds included under their own name. */
  readonly itemsByKind: Readonly<Record<string, number>>;
  readonly items: number;
  readonly links: number;
  /** Threats by risk score (severity x likelihood), highest first; only scored threats, at most topN. */
  readonly riskiest: readonly RiskEntry[];
}

export interface RiskEntry {
  readonly id: ItemId;
  readonly severity: number;
  readonly likelihood: number;
  readonly score: number;
}

export interface ThreatsByDimension {
  /** Every dimension in DIMENSIONS order, each with its threats (highest risk first, then by text). */
  readonly dimensions: readonly { readonly dimension: Dimension; readonly threats: readonly ItemId[] }[];
  /** Threats that name no dimension. */
  readonly withoutDimension: readonly ItemId[];
}

/** One edge of the interlinkage graph: a `causes` or `amplifies` link between threats and root causes. */
export interface Interlinkage {
  readonly link: LinkId;
  readonly kind: 'causes' | 'amplifies';
  readonly from: ItemId;
  readonly to: ItemId;
  /** `-` when the link says so; absent polarity counts as `+`. */
  readonly polarity: '+' | '-';
}

export type LoopKind = 'reinforcing' | 'balancing';

/** An elementary cycle: `links[i]` goes from `items[i]` to `items[(i + 1) % items.length]`. */
export interface Loop {
  readonly items: readonly ItemId[];
  readonly links: readonly LinkId[];
  /** Balancing when an odd number of its links have polarity `-`. */
  readonly kind: LoopKind;
}

export interface LoopReport {
  readonly loops: readonly Loop[];
  /** True when the caps stopped the enumeration: there may be more loops than listed. */
  readonly truncated: boolean;
  readonly maxLoops: number;
  readonly maxLoopLength: number;
}

export interface Hub {
  readonly id: ItemId;
  readonly inDegree: number;
  readonly outDegree: number;
  readonly degree: number;
  /** Betweenness centrality in the interlinkage graph, normalised to 0..1. */
  readonly betweenness: number;
}

export interface HubReport {
  readonly hubs: readonly Hub[];
  /** True when betweenness was estimated from a sample of source nodes (large graphs). */
  readonly betweennessSampled: boolean;
}

export interface IncompleteIndicator {
  readonly id: ItemId;
  readonly missing: readonly ('threshold' | 'action')[];
}

export interface Gaps {
  /** Threats that no response addresses. */
  readonly unaddressedThreats: readonly ItemId[];
  /** Responses with no `addresses` link to a threat or root cause. */
  readonly responsesAddressingNothing: readonly ItemId[];
  /** Protection responses that no actor is responsible for. */
  readonly protectionWithoutActor: readonly ItemId[];
  /** Empowerment responses with no local or community actor and no capacity they strengthen. */
  readonly empowermentWithoutLocalActorOrCapacity: readonly ItemId[];
  readonly indicatorsIncomplete: readonly IncompleteIndicator[];
  /**
   * For unaddressed threats whose root causes some response addresses: those responses, so the
   * reader sees that the threat is tackled upstream but its own harm is not.
   */
  readonly addressedThroughRootCause: readonly { readonly threat: ItemId; readonly responses: readonly ItemId[] }[];
}

export interface DimensionCoverage {
  readonly dimension: Dimension;
  /** Threats naming this dimension. */
  readonly threats: number;
  /** Responses that address at least one threat naming this dimension. */
  readonly responses: number;
}

export interface Balance {
  readonly overall: StrategyCount;
  /** Per level of the responsible actors; a response carried at two levels counts at both; `none` has no actor with a level. */
  readonly byLevel: Readonly<Record<ActorLevel | 'none', StrategyCount>>;
  /** Per dimension of the threats a response addresses. */
  readonly byDimension: Readonly<Record<Dimension, StrategyCount>>;
  readonly byPhase: Readonly<Record<Phase | 'none', StrategyCount>>;
  /** Every dimension in DIMENSIONS order (the "comprehensive" principle). */
  readonly coverage: readonly DimensionCoverage[];
}

export interface ActorEntry {
  readonly id: ItemId;
  readonly level?: ActorLevel;
  readonly sector?: Sector;
  /** Responses this actor is responsible for. */
  readonly responses: readonly ItemId[];
}

export type MismatchKind = 'local-roots-international-responses' | 'international-roots-local-responses';

export interface LevelMismatch {
  readonly threat: ItemId;
  readonly kind: MismatchKind;
  /** Levels the threat is rooted at: its own `level`, and those of the root causes that cause it. */
  readonly rootLevels: readonly ActorLevel[];
  /** Levels of the actors responsible for the responses that address the threat or its root causes. */
  readonly responseLevels: readonly ActorLevel[];
  /** Those responses. */
  readonly responses: readonly ItemId[];
}

export interface Who {
  /** Actors by level (LEVELS order, unknown last), then sector, then text. */
  readonly actors: readonly ActorEntry[];
  readonly levelMismatches: readonly LevelMismatch[];
}

export interface ResponseEntry {
  readonly id: ItemId;
  readonly strategy?: Strategy;
  readonly phase?: Phase;
  /** Actors responsible for it (`responsible` links), as ActorEntry order. */
  readonly actors: readonly ItemId[];
  /** Threats and root causes it addresses. */
  readonly addresses: readonly ItemId[];
  /** Capacities it strengthens. */
  readonly strengthens: readonly ItemId[];
}

export interface IndicatorEntry {
  readonly id: ItemId;
  /** The threats it monitors. */
  readonly threats: readonly ItemId[];
  readonly threshold?: string;
  readonly action?: string;
}

export interface BoardAnalysis {
  readonly summary: Summary;
  readonly threatsByDimension: ThreatsByDimension;
  readonly interlinkages: readonly Interlinkage[];
  readonly loops: LoopReport;
  readonly mostConnected: HubReport;
  readonly gaps: Gaps;
  readonly balance: Balance;
  readonly who: Who;
  /** Every response: protection first, then empowerment, then unspecified; by text within each. */
  readonly responses: readonly ResponseEntry[];
  readonly indicators: readonly IndicatorEntry[];
  /** The reader's and validator's problems, as found. */
  readonly problems: readonly Problem[];
}
