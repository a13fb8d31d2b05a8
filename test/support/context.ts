import { signedContext } from '../../src/db/tenant-context';

type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

/**
 * Sets a tenant context inside the open transaction the way the API does: the settings and their signature
 * for this backend (src/db/tenant-context.ts, with the test process's key, which createTestDatabase
 * registered). Without the signature the policies open no tenant row (test/security/forged-context.test.ts).
 */
export async function setSignedContext(
  query: Query,
  settings: { role: string; org?: string; actor?: string; municipalityId: number | null; municipalityIds: number[] },
): Promise<void> {
  const [{ pid }] = (await query(`SELECT pg_backend_pid() AS pid`)) as { pid: number }[];
  const signed = signedContext({ org: '', actor: '', ...settings }, pid);
  // SET LOCAL, as the request transaction sends it: Citus propagates it to the workers (set_config it does not).
  // SET takes no parameters; the values are ids, numbers and hex, quoted as literals.
  const lit = (v: string) => `'${v.replace(/'/g, "''")}'`;
  await query([`SET LOCAL citus.propagate_set_commands = 'local'`, ...signed.map(([name, value]) => `SET LOCAL ${name} = ${lit(value)}`)].join('; '));
}
