import { createTranslator, en } from '@interlink/i18n';
import { DIMENSION_COLORS, ITEM_KIND_STYLES, MARKER_ICONS, RISK_COLORS, SENSITIVITY_INK, STRATEGY_COLORS, type NewItem } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import { itemViews } from '../../inspector/testItems.js';
import { CARD_PAD, FOOTER_HEIGHT, cardTextBox, hasFooter, layoutCard } from './cardLayout.js';
import { ELLIPSIS, cachedMeasure, fitText, type Measure } from './textMeasure.js';

const words = createTranslator(() => en).t;
/** 6 px a character, whatever the font: enough to check the layout's arithmetic. */
const measure: Measure = (_font, text) => Array.from(text).length * 6;

function one(item: NewItem) {
  const [view] = itemViews(item);
  if (!view) throw new Error('no item');
  return view;
}

describe('the card header', () => {
  it('shows the kind’s icon and its label, upper-cased', () => {
    const decor = layoutCard(one({ kind: 'threat', x: 0, y: 0 }), 'Threat', { hasProblem: false }, words, measure);
    expect(decor.icon).toBe(ITEM_KIND_STYLES.threat.icon);
    expect(decor.iconColor).toBe(ITEM_KIND_STYLES.threat.stroke);
    expect(decor.label).toBe('THREAT');
    expect(decor.markers).toEqual([]);
  });

  it('marks a problem in the corner and a restricted or confidential card with a lock beside it', () => {
    const item = one({ kind: 'note', x: 0, y: 0, w: 200, sensitivity: 'confidential' });
    const decor = layoutCard(item, 'Note', { hasProblem: true }, words, measure);
    expect(decor.markers.map((m) => [m.path, m.color])).toEqual([
      [MARKER_ICONS.problem, expect.any(String)],
      [MARKER_ICONS.lock, SENSITIVITY_INK.confidential],
    ]);
    expect(decor.markers[0]!.x).toBeGreaterThan(decor.markers[1]!.x);
    const restricted = layoutCard(one({ kind: 'note', x: 0, y: 0, sensitivity: 'restricted' }), 'Note', { hasProblem: false }, words, measure);
    expect(restricted.markers.map((m) => m.color)).toEqual([SENSITIVITY_INK.restricted]);
  });

  it('cuts a label too long for a narrow card with an ellipsis', () => {
    const decor = layoutCard(one({ kind: 'group', x: 0, y: 0, w: 90 }), 'Affected group', { hasProblem: false }, words, measure);
    expect(decor.label.endsWith(ELLIPSIS)).toBe(true);
    expect(measure('', decor.label)).toBeLessThanOrEqual(90 - 2 * CARD_PAD);
  });
});

describe('the card footer', () => {
  it('shows a threat’s dimensions as chips and its risk score as a badge coloured by risk', () => {
    const item = one({ kind: 'threat', x: 0, y: 0, w: 260, h: 120, dimensions: ['health', 'food'], severity: 4, likelihood: 5 });
    const decor = layoutCard(item, 'Threat', { hasProblem: false }, words, measure);
    expect(decor.footerY).toBe(120 - CARD_PAD - FOOTER_HEIGHT);
    expect(decor.chips.map((c) => [c.text, c.fill])).toEqual([
      ['Food', DIMENSION_COLORS.food],
      ['Health', DIMENSION_COLORS.health],
      ['4×5 = 20', RISK_COLORS.severe],
    ]);
    const risk = decor.chips[2]!;
    expect(risk.x + risk.w).toBe(260 - CARD_PAD);
  });

  it('sums up the dimensions that do not fit in one "+N" chip', () => {
    const item = one({
      kind: 'threat', x: 0, y: 0, w: 200,
      dimensions: ['economic', 'food', 'health', 'environmental', 'personal', 'community', 'political'],
      severity: 1, likelihood: 2,
    });
    const decor = layoutCard(item, 'Threat', { hasProblem: false }, words, measure);
    const texts = decor.chips.map((c) => c.text);
    const more = texts.find((t) => t.startsWith('+'));
    expect(more).toBeDefined();
    const shown = texts.filter((t) => !t.startsWith('+') && !t.includes('×')).length;
    expect(shown + Number(more!.slice(1))).toBe(7);
    for (const chip of decor.chips) expect(chip.x + chip.w).toBeLessThanOrEqual(200 - CARD_PAD);
    expect(decor.chips.at(-1)?.fill).toBe(RISK_COLORS.low);
  });

  it('shows a response’s strategy as P or E and its phase', () => {
    const decor = layoutCard(one({ kind: 'response', x: 0, y: 0, strategy: 'empowerment', phase: 'recovery' }), 'Response', { hasProblem: false }, words, measure);
    expect(decor.chips.map((c) => [c.text, c.fill])).toEqual([['E', STRATEGY_COLORS.empowerment]]);
    expect(decor.texts.map((t) => t.text)).toEqual(['Recovery']);
  });

  it('shows an actor’s level and sector, and an indicator’s threshold', () => {
    const actor = layoutCard(one({ kind: 'actor', x: 0, y: 0, w: 300, level: 'local', sector: 'government' }), 'Actor', { hasProblem: false }, words, measure);
    expect(actor.texts.map((t) => t.text)).toEqual(['Local · Government']);
    const indicator = layoutCard(one({ kind: 'indicator', x: 0, y: 0, w: 300, threshold: 'maize +30%' }), 'Indicator', { hasProblem: false }, words, measure);
    expect(indicator.texts.map((t) => t.text)).toEqual(['Threshold: maize +30%']);
  });

  it('is left out when there is nothing to show, giving the text the room', () => {
    for (const item of [one({ kind: 'note', x: 0, y: 0 }), one({ kind: 'threat', x: 0, y: 0, severity: 3 }), one({ kind: 'indicator', x: 0, y: 0, threshold: '  ' })]) {
      expect(hasFooter(item)).toBe(false);
      expect(layoutCard(item, 'x', { hasProblem: false }, words, measure).footerY).toBeUndefined();
      expect(cardTextBox(item).bottom).toBe(CARD_PAD);
    }
    expect(cardTextBox(one({ kind: 'threat', x: 0, y: 0, dimensions: ['food'] })).bottom).toBeGreaterThan(CARD_PAD + FOOTER_HEIGHT);
  });
});

describe('text measurement', () => {
  it('measures each text once', () => {
    let calls = 0;
    const cached = cachedMeasure((_font, text) => {
      calls++;
      return text.length;
    });
    for (let i = 0; i < 100; i++) cached('bold 11px sans', 'THREAT');
    expect(calls).toBe(1);
  });

  it('fits a text with an ellipsis, or leaves it whole when it fits', () => {
    expect(fitText(measure, '', 'Drought', 100)).toBe('Drought');
    expect(fitText(measure, '', 'Drought', 30)).toBe(`Drou${ELLIPSIS}`);
    expect(fitText(measure, '', 'Drought', 3)).toBe('');
  });
});
