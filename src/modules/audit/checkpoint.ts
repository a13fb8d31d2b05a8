/**
 * Checkpoints of the change log's chain heads, signed outside the database's trust.
 *
 * A hash chain alone proves nothing against whoever can write the database as its owner: they can
 * change a row and re-hash everything after it. So the heads are signed now and then with an Ed25519
 * private key that only the operator holds (never the database, never the API process), and each
 * signed line is appended to a place the operator chooses and the database owner cannot rewrite: a
 * file on another host, an append-only file (chattr +a), or the log stream (stdout). `audit:verify`
 * checks the database against the latest line with the public key alone: every chain must still hold
 * the signed row at the signed seq with the signed hash, so history up to the checkpoint cannot be
 * rewritten, truncated or deleted unseen.
 *
 * A line: {"v":1,"at":ISO time,"key":key id,"heads":[[municipality id, seq, hash], …],"sig":base64url}
 * where sig is the Ed25519 signature of the line's JSON without "sig" (keys in that order).
 */
import crypto from 'node:crypto';

export interface ChainHead {
  municipalityId: number;
  seq: number;
  hash: string;
}

export interface Checkpoint {
  at: string;
  /** The first 16 hex digits of the SHA-256 of the public key (DER, SPKI): which key signed. */
  key: string;
  heads: ChainHead[];
}

export class CheckpointError extends Error {}

function payload(c: Checkpoint): string {
  return JSON.stringify({ v: 1, at: c.at, key: c.key, heads: c.heads.map((h) => [h.municipalityId, h.seq, h.hash]) });
}

export function keyId(key: crypto.KeyObject): string {
  const publicKey = key.type === 'private' ? crypto.createPublicKey(key) : key;
  return crypto
    .createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

function ed25519(key: crypto.KeyObject, kind: 'private' | 'public'): crypto.KeyObject {
  if (key.asymmetricKeyType !== 'ed25519' || key.type !== kind) throw new CheckpointError(`the checkpoint key must be an Ed25519 ${kind} key (PEM)`);
  return key;
}

/** One signed line (without the newline) for the given heads. Heads without a hash (an empty chain) are left out. */
export function signCheckpoint(heads: { municipalityId: number; seq: number; hash: string | null }[], privateKeyPem: string, at: Date): string {
  const key = ed25519(crypto.createPrivateKey(privateKeyPem), 'private');
  const c: Checkpoint = {
    at: at.toISOString(),
    key: keyId(key),
    heads: heads.filter((h): h is ChainHead => h.hash !== null && h.seq > 0).sort((a, b) => a.municipalityId - b.municipalityId),
  };
  const body = payload(c);
  const sig = crypto.sign(null, Buffer.from(body), key).toString('base64url');
  return body.slice(0, -1) + `,"sig":${JSON.stringify(sig)}}`;
}

/**
 * The latest checkpoint of a file of signed lines. Every line must carry a valid signature of the
 * given public key: a line that does not (edited, forged, or signed with another key) is an error, not
 * skipped, since it means the checkpoint file itself was tampered with.
 */
export function latestCheckpoint(text: string, publicKeyPem: string): Checkpoint | null {
  const key = ed25519(crypto.createPublicKey(publicKeyPem), 'public');
  const id = keyId(key);
  let latest: Checkpoint | null = null;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let parsed: { v?: unknown; at?: unknown; key?: unknown; heads?: unknown; sig?: unknown };
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new CheckpointError(`checkpoint line ${i + 1} is not JSON`);
    }
    const heads = parsed.heads;
    if (
      parsed.v !== 1 ||
      typeof parsed.at !== 'string' ||
      typeof parsed.key !== 'string' ||
      typeof parsed.sig !== 'string' ||
      !Array.isArray(heads) ||
      !heads.every((h) => Array.isArray(h) && h.length === 3 && Number.isInteger(h[0]) && Number.isInteger(h[1]) && typeof h[2] === 'string')
    ) {
      throw new CheckpointError(`checkpoint line ${i + 1} is not a checkpoint`);
    }
    if (parsed.key !== id) throw new CheckpointError(`checkpoint line ${i + 1} was signed with another key (${parsed.key}, not ${id})`);
    const c: Checkpoint = {
      at: parsed.at,
      key: parsed.key,
      heads: (heads as [number, number, string][]).map(([m, seq, hash]) => ({ municipalityId: m, seq, hash })),
    };
    if (!crypto.verify(null, Buffer.from(payload(c)), key, Buffer.from(parsed.sig, 'base64url'))) {
      throw new CheckpointError(`checkpoint line ${i + 1} has an invalid signature: the checkpoint file was changed`);
    }
    if (latest && Date.parse(c.at) < Date.parse(latest.at)) throw new CheckpointError(`checkpoint line ${i + 1} is older than the line before it`);
    latest = c;
  });
  return latest;
}
