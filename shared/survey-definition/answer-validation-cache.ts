/**
 * A small map keyed by object identity that forgets the least recently used entry beyond `capacity`. Unlike a
 * WeakMap it bounds how many compiled surveys stay in memory, even while their definitions are kept elsewhere.
 */
export class IdentityCache<K extends object, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K, build: (key: K) => V): V {
    const known = this.entries.get(key);
    if (known !== undefined) {
      // Re-inserting moves the entry to the back of Map's insertion order.
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    const value = build(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
