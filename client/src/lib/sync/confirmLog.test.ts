import { describe, expect, it } from 'vitest';
import { PendingChanges, parseChanges, serializeChanges, type PendingChange } from './confirmLog.js';

const sv = (entries: Record<number, number>): Map<number, number> => new Map(Object.entries(entries).map(([k, v]) => [Number(k), v]));

describe('PendingChanges', () => {
  it('counts recorded changes and confirms insertions a server state vector covers', () => {
    const log = new PendingChanges();
    log.record({ client: 7, clock: 3, deletes: false });
    log.record({ client: 7, clock: 5, deletes: false });
    log.record({ client: 7, clock: 9, deletes: false });
    expect(log.count).toBe(3);
    expect(log.confirmStateVector(sv({ 7: 5 }))).toBe(true);
    expect(log.count).toBe(1);
    // Another client's clock says nothing about ours.
    expect(log.confirmStateVector(sv({ 8: 100 }))).toBe(false);
    expect(log.count).toBe(1);
    log.confirmStateVector(sv({ 7: 9 }));
    expect(log.count).toBe(0);
  });

  it('never confirms a deletion from a state vector: deletions do not advance the clock', () => {
    const log = new PendingChanges();
    log.record({ client: 7, clock: 4, deletes: true });
    expect(log.confirmStateVector(sv({ 7: 1_000 }))).toBe(false);
    expect(log.count).toBe(1);
  });

  it('a probe answer confirms what was recorded before the probe, deletions too, and nothing after', () => {
    const log = new PendingChanges();
    log.record({ client: 7, clock: 4, deletes: false });
    log.record({ client: 7, clock: 4, deletes: true });
    const mark = log.mark(sv({ 7: 4 }));
    log.record({ client: 7, clock: 6, deletes: false });
    log.record({ client: 7, clock: 6, deletes: true });
    expect(log.confirmProbe(mark)).toBe(true);
    expect(log.count).toBe(2);
    expect(log.changes).toEqual([
      { client: 7, clock: 6, deletes: false, weight: 1 },
      { client: 7, clock: 6, deletes: true, weight: 1 },
    ]);
  });

  it('a probe does not confirm a restored change whose content the document did not hold', () => {
    // Restored after a reload: client 3's edits should have come back from IndexedDB.
    const log = new PendingChanges([{ client: 3, clock: 10, deletes: false, weight: 1 }]);
    log.record({ client: 9, clock: 2, deletes: false });
    // The document held only up to clock 4 of client 3 (its database was cleared meanwhile).
    log.confirmProbe(log.mark(sv({ 3: 4, 9: 2 })));
    expect(log.changes).toEqual([{ client: 3, clock: 10, deletes: false, weight: 1 }]);
    log.confirmProbe(log.mark(sv({ 3: 10, 9: 2 })));
    expect(log.count).toBe(0);
  });

  it('merges consecutive entries of one client past the limit, keeping the count exact', () => {
    const log = new PendingChanges([], 10);
    for (let clock = 1; clock <= 25; clock++) log.record({ client: 1, clock, deletes: clock === 3 });
    expect(log.count).toBe(25);
    expect(log.changes.length).toBeLessThanOrEqual(10);
    expect(log.changes.reduce((sum, change) => sum + change.weight, 0)).toBe(25);
    expect(log.changes.some((change) => change.deletes)).toBe(true);
    // Everything up to clock 25 confirmed by a probe: nothing is left.
    log.confirmProbe(log.mark(sv({ 1: 25 })));
    expect(log.count).toBe(0);
  });

  it('a merged entry is confirmed no earlier than the later of the changes it stands for', () => {
    const log = new PendingChanges([], 2);
    log.record({ client: 1, clock: 1, deletes: false });
    log.record({ client: 1, clock: 2, deletes: false });
    log.record({ client: 1, clock: 3, deletes: false });
    expect(log.count).toBe(3);
    log.confirmStateVector(sv({ 1: 1 }));
    // Clock 1 is in a merged entry with clock 2: still counted.
    expect(log.count).toBe(3);
    log.confirmStateVector(sv({ 1: 3 }));
    expect(log.count).toBe(0);
  });
});

describe('stored list', () => {
  it('survives a round trip', () => {
    const changes: PendingChange[] = [
      { client: 4_294_967_295, clock: 12, deletes: false, weight: 1 },
      { client: 1, clock: 0, deletes: true, weight: 3 },
    ];
    expect(parseChanges(serializeChanges(changes))).toEqual(changes);
    expect(new PendingChanges(parseChanges(serializeChanges(changes))).count).toBe(4);
  });

  it('reads anything else as nothing, entry by entry', () => {
    expect(parseChanges(null)).toEqual([]);
    expect(parseChanges('not json')).toEqual([]);
    expect(parseChanges('{"changes": 3}')).toEqual([]);
    expect(
      parseChanges(JSON.stringify({ v: 1, changes: [[1, 2, 0, 1], [-1, 2, 0, 1], [1, 2.5, 0, 1], [1, 2, 2, 1], [1, 2, 0, 0], 'x', [2, 3, 1, 2]] })),
    ).toEqual([
      { client: 1, clock: 2, deletes: false, weight: 1 },
      { client: 2, clock: 3, deletes: true, weight: 2 },
    ]);
  });
});
