/**
 * A subscription's source that its producer pushes into, consumed one of two ways:
 *
 * - pulled, as the AsyncIterator graphql-js expects from a subscribe resolver;
 * - tapped: `tap(sink)` hands every value (those queued so far, then each new one) straight to
 *   a function, synchronously, with no promise per value. The server taps feeds so that one
 *   event reaching thousands of subscribers costs a function call each, not a chain of async
 *   iterators each (server/shared-subscribe.ts).
 *
 * `return()` (the consumer leaves) runs the producer's cleanup at once, even when idle: an
 * unsubscribed client must not leave a topic listener behind.
 */
export class LiveFeed<T> implements AsyncIterableIterator<T> {
  private queue: T[] = [];
  private waiting: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void } | null = null;
  private sink: ((value: T) => void) | null = null;
  private finished = false;
  private failure: { error: unknown } | null = null;
  private readonly settled: Promise<void>;
  private settle!: (failure: { error: unknown } | null) => void;

  constructor(private readonly cleanup: () => void) {
    this.settled = new Promise<void>((resolve, reject) => {
      this.settle = (failure) => (failure ? reject(failure.error) : resolve());
    });
    // Nobody may be tapping: an unobserved failure is still reported to the puller.
    this.settled.catch(() => {});
  }

  get closed(): boolean {
    return this.finished;
  }

  /** Delivers a value; ignored once the feed is closed. */
  push(value: T): void {
    if (this.finished) return;
    if (this.sink) this.sink(value);
    else if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
    } else this.queue.push(value);
  }

  /** No more values: the consumer gets what is queued, then the end (or `error`). */
  end(error?: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.failure = error === undefined ? null : { error };
    this.cleanup();
    if (this.waiting && this.queue.length === 0) {
      const { resolve, reject } = this.waiting;
      this.waiting = null;
      if (this.failure) reject(this.failure.error);
      else resolve({ value: undefined, done: true });
    }
    this.settle(this.failure);
  }

  /** Switches to push mode; resolves when the feed ends (rejects if it failed). */
  tap(sink: (value: T) => void): Promise<void> {
    this.sink = sink;
    const queued = this.queue;
    this.queue = [];
    for (const value of queued) sink(value);
    return this.settled;
  }

  next(): Promise<IteratorResult<T>> {
    const value = this.queue.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.finished) {
      return this.failure ? Promise.reject(this.failure.error) : Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.queue = [];
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
