import { describe, expect, it } from 'vitest';
import { withheldMouseEvent, withholdsMouseEvents } from './withheldMouseEvents.js';

/** A stand-in for a DOM element: `disabledAncestor` is whether it or an ancestor matches :disabled. */
const element = (tagName: string, disabledAncestor: boolean) => ({
  tagName,
  getAttribute: () => null,
  closest: (selector: string) => (selector === ':disabled' && disabledAncestor ? {} : null),
});

const pointer = (type: string, target: unknown, pointerType = 'mouse', isPrimary = true) => ({
  type,
  pointerType,
  isPrimary,
  target: target as EventTarget,
});

describe('mouse events the browser withholds', () => {
  it('are those at a disabled control or inside one', () => {
    expect(withholdsMouseEvents(element('BUTTON', true))).toBe(true);
    expect(withholdsMouseEvents(element('svg', true))).toBe(true);
    expect(withholdsMouseEvents(element('BUTTON', false))).toBe(false);
    expect(withholdsMouseEvents(element('CANVAS', false))).toBe(false);
    expect(withholdsMouseEvents(null)).toBe(false);
    expect(withholdsMouseEvents({})).toBe(false);
  });

  it('are owed for the primary mouse or pen pointer moving or released there', () => {
    const disabled = element('BUTTON', true);
    expect(withheldMouseEvent(pointer('pointerup', disabled))).toBe('mouseup');
    expect(withheldMouseEvent(pointer('pointermove', disabled))).toBe('mousemove');
    expect(withheldMouseEvent(pointer('pointerup', disabled, 'pen'))).toBe('mouseup');
  });

  it('are not owed elsewhere, for touch, for another pointer, or for other pointer events', () => {
    const disabled = element('BUTTON', true);
    expect(withheldMouseEvent(pointer('pointerup', element('BUTTON', false)))).toBeUndefined();
    expect(withheldMouseEvent(pointer('pointerup', disabled, 'touch'))).toBeUndefined();
    expect(withheldMouseEvent(pointer('pointerup', disabled, 'pen', false))).toBeUndefined();
    expect(withheldMouseEvent(pointer('pointerdown', disabled))).toBeUndefined();
    expect(withheldMouseEvent(pointer('pointercancel', disabled))).toBeUndefined();
  });
});
