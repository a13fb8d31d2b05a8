/**
 * Edges seal their cursors only when a client reads them, once each (src/graphql/pagination.ts): the
 * dashboard's case list asks for nodes only, and sealing 50 cursors it never read was 8.5 % of the
 * API's CPU on that list.
 */
import { decodeCursor, edgesOf, edgesSealedBy, encodeCursor, pageInfoFor } from '../../src/graphql/pagination';

test('a page whose cursors nobody reads seals none; a read cursor is sealed once and stays the same', () => {
  const sealed: string[] = [];
  const rows = ['a', 'b', 'c'];
  const edges = edgesSealedBy(rows, (r) => {
    sealed.push(r);
    return encodeCursor(['NAME', r]);
  });
  const info = pageInfoFor(edges, { hasNextPage: true, hasPreviousPage: false });
  expect(edges.map((e) => e.node)).toEqual(rows);
  expect(info.hasNextPage).toBe(true);
  expect(sealed).toEqual([]);
  const first = edges[1].cursor;
  expect(edges[1].cursor).toBe(first);
  expect(sealed).toEqual(['b']);
  expect(decodeCursor(first, 2)).toEqual(['NAME', 'b']);
  expect(info.endCursor).toBe(edges[2].cursor);
  expect(info.startCursor).toBe(edges[0].cursor);
  expect(sealed).toEqual(['b', 'c', 'a']);
});

test('edgesOf maps rows to nodes and seals the row values, not the node', () => {
  const edges = edgesOf(
    [{ id: 1, key: 'x' }],
    (r) => [r.key, r.id],
    (r) => ({ label: `#${r.id}` }),
  );
  expect(edges[0].node).toEqual({ label: '#1' });
  expect(decodeCursor(edges[0].cursor, 2)).toEqual(['x', 1]);
});

test('an empty page has no cursors', () => {
  const info = pageInfoFor(
    edgesOf([], () => []),
    { hasNextPage: false, hasPreviousPage: false },
  );
  expect([info.startCursor, info.endCursor]).toEqual([null, null]);
});

test('every cursor gets its own nonce, also across refills of the nonce pool', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 1500; i++)
    seen.add(
      Buffer.from(encodeCursor([i]), 'base64url')
        .subarray(0, 12)
        .toString('hex'),
    );
  expect(seen.size).toBe(1500);
});
