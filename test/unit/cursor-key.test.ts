/**
 * README's CURSOR_SECRET row: processes sharing the secret read each other's cursors; without a secret
 * each process has its own random key, so a cursor from another process (or from before a restart) is
 * refused as BAD_USER_INPUT, never read.
 */
import { configureCursorKey, decodeCursor, encodeCursor } from '../../src/graphql/pagination';

afterAll(() => configureCursorKey('test-secret-that-is-long-enough-for-hs256-0123456789'));

test("two processes with the same CURSOR_SECRET read each other's cursors", () => {
  configureCursorKey('a-shared-cursor-secret-of-enough-length');
  const cursor = encodeCursor(['NAME', 'Åse Berg', '00000000-0000-4000-8000-000000000001']);
  expect(cursor).not.toContain('Åse');
  configureCursorKey('a-shared-cursor-secret-of-enough-length'); // the second process
  expect(decodeCursor(cursor, 3)).toEqual(['NAME', 'Åse Berg', '00000000-0000-4000-8000-000000000001']);
});

test('without a secret each process has its own key: a cursor from another process is BAD_USER_INPUT', () => {
  configureCursorKey(null);
  const cursor = encodeCursor(['NAME', 'Åse Berg', '00000000-0000-4000-8000-000000000001']);
  expect(decodeCursor(cursor, 3)).toEqual(['NAME', 'Åse Berg', '00000000-0000-4000-8000-000000000001']);
  configureCursorKey(null); // a restart, or another API process
  let caught: unknown;
  try {
    decodeCursor(cursor, 3);
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeDefined();
  expect(JSON.stringify((caught as { extensions?: unknown }).extensions ?? caught)).toContain('BAD_USER_INPUT');
});
