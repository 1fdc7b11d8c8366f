import { describe, expect, it } from 'vitest';
import { NodeCache } from './nodeCache.js';

class FakeNode {
  destroyed = false;
  constructor(readonly name: string) {}
  destroy(): void {
    this.destroyed = true;
  }
}

describe('NodeCache', () => {
  it('gives back a kept node once', () => {
    const cache = new NodeCache<string, FakeNode>(10);
    const node = new FakeNode('a');
    cache.put('a', node);
    expect(cache.take('a')).toBe(node);
    expect(cache.take('a')).toBeUndefined();
    expect(node.destroyed).toBe(false);
  });

  it('destroys the least recently detached nodes beyond its capacity', () => {
    const cache = new NodeCache<string, FakeNode>(2);
    const [a, b, c] = ['a', 'b', 'c'].map((name) => new FakeNode(name)) as [FakeNode, FakeNode, FakeNode];
    cache.put('a', a);
    cache.put('b', b);
    cache.put('a', a);
    cache.put('c', c);
    expect(b.destroyed).toBe(true);
    expect(a.destroyed).toBe(false);
    expect(cache.size).toBe(2);
  });

  it('destroys what it drops or clears', () => {
    const cache = new NodeCache<string, FakeNode>(5);
    const [a, b] = [new FakeNode('a'), new FakeNode('b')];
    cache.put('a', a);
    cache.put('b', b);
    cache.drop('a');
    expect(a.destroyed).toBe(true);
    cache.clear();
    expect(b.destroyed).toBe(true);
    expect(cache.size).toBe(0);
  });
});
