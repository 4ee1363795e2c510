import { Repeater } from "@repeaterjs/repeater";
import { describe, expect, it } from "vitest";
import { liveStream } from "../../core/live.js";

describe("liveStream", () => {
  it("closes an idle source at once when the consumer unsubscribes (no listener leaks)", async () => {
    let sourceClosed = false;
    const idle = new Repeater<number>(async (_push, stop) => {
      await stop;
      sourceClosed = true;
    });
    const stream = liveStream<number>([idle], async (emit) => {
      for await (const n of idle) await emit(n);
    });
    const pending = stream.next();
    await stream.return();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(sourceClosed).toBe(true);
  });

  it("ends when the body returns, after what it emitted", async () => {
    const stream = liveStream<number>([], async (emit) => {
      await emit(1);
      await emit(2);
    });
    const seen: number[] = [];
    for await (const n of stream) seen.push(n);
    expect(seen).toEqual([1, 2]);
  });
});
