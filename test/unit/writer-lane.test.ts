/** The writers' share of the pool (src/db/writer-lane.ts): how many, in what order, and how long a writer waits. */
import { DatabaseUnavailableError } from '../../src/db/connection-errors';
import { WriterLane, writerSlots } from '../../src/db/writer-lane';

test('writers may hold the pool minus a quarter of it, at least one connection kept for queries; a pool of 1 is not split', () => {
  expect([1, 2, 3, 4, 5, 8, 10, 20].map(writerSlots)).toEqual([1, 1, 2, 3, 4, 6, 7, 15]);
});

test('writers beyond the share wait first come, first served, and get a slot as one is released', async () => {
  const lane = new WriterLane(2, 1000);
  const order: number[] = [];
  const a = await lane.acquire();
  const b = await lane.acquire();
  const waiting = [3, 4, 5].map((n) => lane.acquire().then((release) => (order.push(n), release)));
  expect([lane.active, lane.queued]).toEqual([2, 3]);
  a();
  a(); // releasing twice frees one slot only
  const third = await waiting[0];
  expect([lane.active, lane.queued]).toEqual([2, 2]);
  b();
  third();
  await Promise.all(waiting.slice(1)).then((rs) => rs.forEach((r) => r()));
  expect(order).toEqual([3, 4, 5]);
  expect([lane.active, lane.queued]).toEqual([0, 0]);
});

test('a writer that waits longer than the pool timeout gets DatabaseUnavailableError (UNAVAILABLE), and leaves the queue', async () => {
  const lane = new WriterLane(1, 50);
  const held = await lane.acquire();
  await expect(lane.acquire()).rejects.toBeInstanceOf(DatabaseUnavailableError);
  expect(lane.queued).toBe(0);
  held();
  const next = await lane.acquire();
  expect(lane.active).toBe(1);
  next();
});
