import crypto from 'node:crypto';

/**
 * The key that signs each request transaction's tenant context (migration 1733880000000): the row-level
 * policies open no tenant row unless app.context_signature is the HMAC-SHA256, under a key in
 * app_context.key, of the settings, the key id, the issue time and the backend's pid. Only the owner
 * (at start-up, registerContextKey) and the NOLOGIN role introsak_context reach that table; the API process
 * holds the key in memory, like its password. A bare login with the API password cannot sign.
 *
 * The key: derived from CONTEXT_SECRET when set (every process of a deployment the same key, one row), else
 * random per process (each process registers its own row at start-up).
 */
/** The caller's settings (request-transaction.ts's TenantSettings, structurally: no import, no cycle). */
export interface ContextSettings {
  role: string;
  org: string;
  actor: string;
  municipalityId: number | null;
  municipalityIds: number[];
}

export interface ContextKey {
  id: string;
  key: Buffer;
}

function keyFrom(material: Buffer): ContextKey {
  return { id: crypto.createHash('sha256').update(material).digest('hex').slice(0, 16), key: material };
}

let current: ContextKey = keyFrom(crypto.randomBytes(32));

/** CONTEXT_SECRET (null: keep this process's random key). */
export function configureContextKey(secret: string | null): ContextKey {
  if (secret) current = keyFrom(crypto.createHmac('sha256', 'introsak tenant context key').update(secret).digest());
  return current;
}

export function contextKey(): ContextKey {
  return current;
}

/** The key as the database stores it: K ^ ipad and K ^ opad of HMAC-SHA256 (64-byte block). */
function pads(key: Buffer): { inner: Buffer; outer: Buffer } {
  const block = Buffer.alloc(64);
  key.copy(block);
  return { inner: Buffer.from(block.map((b) => b ^ 0x36)), outer: Buffer.from(block.map((b) => b ^ 0x5c)) };
}

/** What can run a parameterised statement as the owner: a pg Client or a TypeORM DataSource/QueryRunner. */
interface OwnerQuery {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Writes this process's key into the database (as the owner; idempotent). */
export async function registerContextKey(owner: OwnerQuery, key: ContextKey = current): Promise<void> {
  const { inner, outer } = pads(key.key);
  await owner.query(`INSERT INTO app_context.key (id, inner_pad, outer_pad) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [key.id, inner, outer]);
}

/** The signed settings a transaction on backend `pid` sets (names and values), in the order the database checks them. */
export function signedContext(settings: ContextSettings, pid: number, issuedMs = Date.now(), key: ContextKey = current): [string, string][] {
  const values: [string, string][] = [
    ['app.role', settings.role],
    ['app.org', settings.org],
    ['app.actor', settings.actor],
    ['app.municipality_id', settings.municipalityId === null ? '' : String(settings.municipalityId)],
    ['app.municipality_ids', settings.municipalityIds.join(',')],
  ];
  const issued = String(Math.floor(issuedMs));
  const fields = [key.id, String(pid), issued, ...values.map(([, v]) => v)];
  const message = 'introsak-context-v1' + fields.map((v) => `${Buffer.byteLength(v, 'utf8')}:${v}`).join('');
  const signature = crypto.createHmac('sha256', key.key).update(message, 'utf8').digest('hex');
  return [...values, ['app.context_key', key.id], ['app.context_issued', issued], ['app.context_signature', signature]];
}
