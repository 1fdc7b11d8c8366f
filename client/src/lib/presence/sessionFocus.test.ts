import { setFocus, type Focus } from '@interlink/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SESSION_ORIGIN, SessionFocus, type FocusArrival, type SyncSignal } from './sessionFocus.js';

/** Stands in for the provider's `synced` flag and `sync` event. */
class FakeSync implements SyncSignal {
  synced = false;
  readonly #listeners = new Set<(synced: boolean) => void>();
  on(_event: 'sync', listener: (synced: boolean) => void): void {
    this.#listeners.add(listener);
  }
  off(_event: 'sync', listener: (synced: boolean) => void): void {
    this.#listeners.delete(listener);
  }
  emit(synced: boolean): void {
    this.synced = synced;
    for (const listener of [...this.#listeners]) listener(synced);
  }
  get listeners(): number {
    return this.#listeners.size;
  }
}

/** A facilitator's doc whose updates reach ours as remote ones, as through the provider. */
function room() {
  const facilitator = new Y.Doc();
  const ours = new Y.Doc();
  facilitator.on('update', (update: Uint8Array) => Y.applyUpdate(ours, update, 'provider'));
  const sync = new FakeSync();
  const applied: [Focus, FocusArrival][] = [];
  const focus = new SessionFocus({ doc: ours, sync, apply: (f, arrival) => applied.push([f, arrival]) });
  return { facilitator, ours, sync, applied, focus };
}

describe('the session focus', () => {
  it('moves us once after the first sync when a focus was set before we came', () => {
    const { facilitator, sync, applied } = room();
    setFocus(facilitator, { x: 10, y: 20, zoom: 0.5 });
    expect(applied).toEqual([]);
    sync.emit(true);
    expect(applied).toEqual([[{ x: 10, y: 20, zoom: 0.5 }, 'joined']]);
    // A reconnection's sync does not move us again.
    sync.emit(false);
    sync.emit(true);
    expect(applied).toHaveLength(1);
    expect(sync.listeners).toBe(0);
  });

  it('does nothing at the first sync when no focus is set', () => {
    const { sync, applied } = room();
    sync.emit(true);
    expect(applied).toEqual([]);
  });

  it('moves us each time the facilitator brings everyone, even to the same place', () => {
    const { facilitator, sync, applied } = room();
    sync.emit(true);
    setFocus(facilitator, { x: 1, y: 2, zoom: 1 });
    setFocus(facilitator, { x: 1, y: 2, zoom: 1 });
    expect(applied).toEqual([
      [{ x: 1, y: 2, zoom: 1 }, 'changed'],
      [{ x: 1, y: 2, zoom: 1 }, 'changed'],
    ]);
  });

  it('ignores other session keys, an unusable focus and its removal', () => {
    const { facilitator, sync, applied } = room();
    sync.emit(true);
    facilitator.getMap('session').set('phase', 'vote');
    facilitator.getMap('session').set('focus', { x: 'left', y: 0, zoom: 1 });
    facilitator.getMap('session').delete('focus');
    expect(applied).toEqual([]);
  });

  it('does not move the facilitator who pressed it; the write is not an undoable edit', () => {
    const { ours, sync, applied, focus } = room();
    sync.emit(true);
    const undo = new Y.UndoManager([ours.getMap('session')], { trackedOrigins: new Set([{ label: 'edits' }]) });
    const origins: unknown[] = [];
    ours.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    expect(focus.bring({ x: 3, y: 4, zoom: 2 })).toBe(true);
    expect(origins).toEqual([SESSION_ORIGIN]);
    expect(applied).toEqual([]);
    expect(undo.canUndo()).toBe(false);
    expect(ours.getMap('session').get('focus')).toEqual({ x: 3, y: 4, zoom: 2 });
  });

  it('stops listening when destroyed', () => {
    const { facilitator, sync, applied, focus } = room();
    focus.destroy();
    expect(sync.listeners).toBe(0);
    sync.emit(true);
    setFocus(facilitator, { x: 1, y: 2, zoom: 1 });
    expect(applied).toEqual([]);
  });
});
