// The Analysis panel's sections, in the report's order, from one analysis snapshot.
import type { MessageKey, Translator } from '@interlink/i18n';
import {
  findingContext,
  SECTION_KEYS,
  type AnalysisSnapshot,
  type FindingContext,
  type FindingGroup,
  type PanelSection,
  type SectionKey,
} from './findings.js';
import { gapGroups, indicatorGroups, problemGroups } from './sections/gaps.js';
import { interlinkageGroups, mostConnectedGroups } from './sections/interlinkages.js';
import { summaryGroups, threatsByDimensionGroups } from './sections/overview.js';
import { responseGroups } from './sections/responses.js';

const BUILDERS: { readonly [K in SectionKey]: (ctx: FindingContext) => FindingGroup[] } = {
  summary: summaryGroups,
  threatsByDimension: threatsByDimensionGroups,
  interlinkages: interlinkageGroups,
  mostConnected: mostConnectedGroups,
  responses: responseGroups,
  gaps: gapGroups,
  indicators: indicatorGroups,
  problems: problemGroups,
};

export function panelSections(snapshot: AnalysisSnapshot, translator: Translator): PanelSection[] {
  const ctx = findingContext(snapshot.view, snapshot.analysis, translator);
  return SECTION_KEYS.map((key) => ({
    key,
    heading: ctx.t(`analysis.section.${key}` satisfies MessageKey),
    groups: BUILDERS[key](ctx),
  }));
}
