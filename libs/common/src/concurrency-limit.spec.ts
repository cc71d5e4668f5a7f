import { ConcurrencyLimit } from './concurrency-limit';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrencyLimit', () => {
  it('runs at most `limit` tasks at once and starts the waiting ones in arrival order', async () => {
    const limit = new ConcurrencyLimit(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const results = gates.map((gate, index) =>
      limit.run(async () => {
        started.push(index);
        await gate.promise;
        return index * 10;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(limit.stats).toEqual({ running: 2, waiting: 2 });

    gates[1].resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    expect(limit.stats).toEqual({ running: 2, waiting: 1 });

    gates[0].resolve();
    gates[2].resolve();
    gates[3].resolve();
    await expect(Promise.all(results)).resolves.toEqual([0, 10, 20, 30]);
    expect(limit.stats).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot when a task fails, and passes the failure to its caller', async () => {
    const limit = new ConcurrencyLimit(1);
    const failing = limit.run(() => Promise.reject(new Error('boom')));
    const next = limit.run(() => Promise.resolve('ok'));
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
    expect(limit.stats).toEqual({ running: 0, waiting: 0 });
  });

  it('also frees the slot when a task throws before returning a promise', async () => {
    const limit = new ConcurrencyLimit(1);
    await expect(
      limit.run(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    await expect(limit.run(() => Promise.resolve(1))).resolves.toBe(1);
  });

  it('refuses a limit below one', () => {
    expect(() => new ConcurrencyLimit(0)).toThrow(RangeError);
    expect(() => new ConcurrencyLimit(1.5)).toThrow(RangeError);
  });
});
