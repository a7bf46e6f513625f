/**
 * Bounded, ordered, concurrent map: `work` runs on many items at once, `sink` receives the
 * results strictly in source order. At most `window` items (and, beyond the first, at most
 * `maxWeight` of their weight, e.g. bytes) are between the source and the sink at any time:
 * a slow sink stops the source (backpressure) and a slow item holds later results in a
 * reorder buffer no larger than the window. `shouldStop` is checked before every pull and
 * every hand-over; once it says yes, nothing more is pulled or handed over.
 */
export interface OrderedOptions {
  window: number;
  maxWeight: number;
  shouldStop?: () => boolean;
}

interface Slot<T, R> {
  item: T;
  weight: number;
  settled: boolean;
  result: Promise<R>;
}

export async function orderedMap<T, R>(
  source: AsyncIterable<T>,
  weigh: (item: T) => number,
  work: (item: T) => Promise<R>,
  sink: (result: R, item: T) => Promise<void> | void,
  options: OrderedOptions,
): Promise<void> {
  const stop = options.shouldStop ?? (() => false);
  const slots: Slot<T, R>[] = [];
  let weight = 0;
  const handOver = async () => {
    const slot = slots.shift()!;
    const result = await slot.result;
    weight -= slot.weight;
    if (!stop()) await sink(result, slot.item);
  };
  const iterator = source[Symbol.asyncIterator]();
  try {
    while (!stop()) {
      while (slots.length && (slots.length >= options.window || weight >= options.maxWeight || slots[0].settled)) {
        await handOver();
        if (stop()) return;
      }
      const next = await iterator.next();
      if (next.done) break;
      const slot: Slot<T, R> = { item: next.value, weight: weigh(next.value), settled: false, result: work(next.value) };
      slot.result.then(
        () => (slot.settled = true),
        () => (slot.settled = true),
      );
      slots.push(slot);
      weight += slot.weight;
    }
    while (slots.length && !stop()) await handOver();
  } finally {
    await iterator.return?.();
    // results still under way are not wanted any more; their failures must not go unhandled
    for (const slot of slots) slot.result.catch(() => {});
  }
}
