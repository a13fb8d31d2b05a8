/**
 * The change log forms one hash chain per municipality, appended only through app.audit_append.
 * Verification names the first tampered row, a chain cut short of its head, a head without rows, a
 * municipality with cases that lost its chain, and, against the operator's signed checkpoint, a
 * history the database owner rewrote and re-hashed.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { CheckpointError, latestCheckpoint, signCheckpoint, verifyAuditChains } from '../../src/modules/audit';
import { auditChainHeads } from '../../src/modules/audit';
import { ParticipantService } from '../../src/modules/participant';
import { queryableOf } from '../../src/db/sql';
import { projectRoot } from '../../src/project-root';
import { startTestApp, TestApp } from '../support/app';
import { participantInput, REGISTER } from '../support/fixtures';
import { setSignedContext } from '../support/context';

let t: TestApp;
let owner: Client;
const keys = crypto.generateKeyPairSync('ed25519');
const PRIVATE = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const PUBLIC = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

beforeAll(async () => {
  t = await startTestApp();
  owner = await t.db.owner();
});
afterAll(() => t?.close());

const idOf = (n: string) => t.directory.municipalityByNumber(n)!.id;
const withCases = () => ParticipantService.municipalitiesWithCases(queryableOf(owner));
const verify = async (checkpoint?: ReturnType<typeof latestCheckpoint>) =>
  verifyAuditChains(owner, { municipalitiesWithCases: await withCases(), ...(checkpoint !== undefined ? { checkpoint } : {}) });
async function register(org: string, n: number) {
  const tok = await t.token('MUNICIPALITY', org);
  const res = await Promise.all(Array.from({ length: n }, () => t.gql(tok, REGISTER, { input: participantInput() })));
  for (const r of res) expect(r.body.errors).toBeUndefined();
}
async function checkpointNow() {
  return latestCheckpoint(signCheckpoint(await auditChainHeads(queryableOf(owner)), PRIVATE, new Date()), PUBLIC);
}

/** What an owner who wants to hide a change does: edit a row, re-hash it and every later row with app.audit_append's formula, move the head. */
async function rewriteAndRehash(municipalityId: number, seq: number) {
  await owner.query(`UPDATE app.audit_event SET changes = '{"name":{"from":null,"to":"Someone else"}}' WHERE municipality_id = $1 AND seq = $2`, [
    municipalityId,
    seq,
  ]);
  await owner.query(
    `DO $$ DECLARE r record; prev text; BEGIN
       SELECT hash INTO prev FROM app.audit_event WHERE municipality_id = ${municipalityId} AND seq = ${seq - 1};
       FOR r IN SELECT * FROM app.audit_event WHERE municipality_id = ${municipalityId} AND seq >= ${seq} ORDER BY seq LOOP
         UPDATE app.audit_event SET prev_hash = prev, hash = encode(sha256(convert_to(coalesce(prev, '') || E'\\n' ||
           json_build_array(r.municipality_id, r.seq, to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
             r.request_id, r.actor_sub, r.actor_role, r.actor_org, r.operation, r.participant_id, r.entity, r.entity_id)::text
           || E'\\n' || r.changes::text, 'UTF8')), 'hex')
         WHERE municipality_id = r.municipality_id AND seq = r.seq RETURNING hash INTO prev;
       END LOOP;
       UPDATE app.audit_chain_head SET last_hash = prev WHERE municipality_id = ${municipalityId};
     END $$`,
  );
}

test('concurrent writes keep every chain gapless, intact and ending at its head; tampering is found', async () => {
  await Promise.all([register('4601', 15), register('0301', 15)]);
  expect(await verify()).toEqual({ municipalities: 2, rows: 30, broken: null });
  const rows = await owner.query(`SELECT DISTINCT hash_version FROM app.audit_event`);
  expect(rows.rows).toEqual([{ hash_version: 2 }]);

  const bergen = idOf('4601');
  await owner.query(`BEGIN`);
  await owner.query(`UPDATE app.audit_event SET changes = '{"name":{"from":null,"to":"Someone else"}}' WHERE municipality_id = $1 AND seq = 7`, [bergen]);
  expect((await verify()).broken).toEqual({ municipalityId: bergen, seq: 7, reason: 'hash does not match the row content' });
  await owner.query(`ROLLBACK`);

  await owner.query(`BEGIN`);
  await owner.query(`UPDATE app.audit_event SET request_id = 'forged' WHERE municipality_id = $1 AND seq = 2`, [bergen]);
  expect((await verify()).broken).toMatchObject({ municipalityId: bergen, seq: 2, reason: 'hash does not match the row content' });
  await owner.query(`ROLLBACK`);

  await owner.query(`BEGIN`);
  await owner.query(`DELETE FROM app.audit_event WHERE municipality_id = $1 AND seq = 3`, [bergen]);
  expect((await verify()).broken).toMatchObject({ municipalityId: bergen, seq: 4, reason: expect.stringMatching(/missing/) });
  await owner.query(`ROLLBACK`);
  expect((await verify()).broken).toBeNull();
});

test('a chain cut at its end, a head without rows and a municipality with cases but no chain are broken', async () => {
  const bergen = idOf('4601');
  const oslo = idOf('0301');
  await owner.query(`BEGIN`);
  await owner.query(`DELETE FROM app.audit_event WHERE municipality_id = $1 AND seq >= 13`, [bergen]);
  expect((await verify()).broken).toEqual({
    municipalityId: bergen,
    seq: 12,
    reason: 'the chain ends at seq 12 but its head is at seq 15: rows at the end were deleted',
  });
  await owner.query(`ROLLBACK`);

  await owner.query(`BEGIN`);
  await owner.query(`DELETE FROM app.audit_event WHERE municipality_id = $1`, [oslo]);
  expect((await verify()).broken).toMatchObject({ municipalityId: oslo, reason: expect.stringMatching(/head is at seq 15 but the chain has no rows/) });
  await owner.query(`DELETE FROM app.audit_chain_head WHERE municipality_id = $1`, [oslo]);
  expect((await verify()).broken).toMatchObject({ municipalityId: oslo, reason: 'the municipality has cases but no change log: its chain was deleted' });
  await owner.query(`ROLLBACK`);
});

test('an owner who rewrites and re-hashes history passes the chain check, but not the signed checkpoint', async () => {
  const bergen = idOf('4601');
  const checkpoint = await checkpointNow();
  expect(checkpoint!.heads).toHaveLength(2);
  expect((await verify(checkpoint)).broken).toBeNull();
  await register('4601', 2); // later rows are fine: the checkpoint is a floor
  expect(await verify(checkpoint)).toMatchObject({ broken: null, checkpoint: { at: checkpoint!.at, municipalities: 2 } });

  await owner.query(`BEGIN`);
  await rewriteAndRehash(bergen, 5);
  expect((await verify()).broken).toBeNull(); // the chain alone cannot tell
  expect((await verify(checkpoint)).broken).toEqual({
    municipalityId: bergen,
    seq: 15,
    reason: `the row differs from the checkpoint of ${checkpoint!.at}: history up to it was rewritten and re-hashed`,
  });
  await owner.query(`ROLLBACK`);

  // Cutting the chain back to before the checkpoint (and moving the head) is caught too.
  await owner.query(`BEGIN`);
  await owner.query(`DELETE FROM app.audit_event WHERE municipality_id = $1 AND seq >= 10`, [bergen]);
  await owner.query(
    `UPDATE app.audit_chain_head SET last_seq = 9, last_hash = (SELECT hash FROM app.audit_event WHERE municipality_id = $1 AND seq = 9) WHERE municipality_id = $1`,
    [bergen],
  );
  expect((await verify()).broken).toBeNull();
  expect((await verify(checkpoint)).broken).toMatchObject({
    municipalityId: bergen,
    seq: 15,
    reason: expect.stringMatching(/ends at seq 9: rows were deleted/),
  });
  await owner.query(`ROLLBACK`);
});

test('a checkpoint file that was edited, or signed with another key, is refused', async () => {
  const line = signCheckpoint([{ municipalityId: 1, seq: 3, hash: 'a'.repeat(64) }], PRIVATE, new Date('2026-11-01T10:00:00Z'));
  expect(latestCheckpoint(line + '\n', PUBLIC)).toEqual({
    at: '2026-11-01T10:00:00.000Z',
    key: expect.any(String),
    heads: [{ municipalityId: 1, seq: 3, hash: 'a'.repeat(64) }],
  });
  expect(() => latestCheckpoint(line.replace('[1,3,', '[1,2,'), PUBLIC)).toThrow(/invalid signature/);
  const other = crypto.generateKeyPairSync('ed25519');
  const forged = signCheckpoint(
    [{ municipalityId: 1, seq: 2, hash: 'b'.repeat(64) }],
    other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    new Date(),
  );
  expect(() => latestCheckpoint(`${line}\n${forged}\n`, PUBLIC)).toThrow(CheckpointError);
  expect(() => latestCheckpoint(`${line}\n${forged}\n`, PUBLIC)).toThrow(/another key/);
});

test('the API login appends only through app.audit_append: it cannot read the log, move a head or append for another municipality', async () => {
  const runner = t.api.createQueryRunner();
  await runner.connect();
  const settings = (m: number) =>
    setSignedContext((sql, p) => runner.query(sql, p), { role: 'MUNICIPALITY', org: '4601', municipalityId: m, municipalityIds: [m] });
  const append = (m: number) =>
    runner.query(`SELECT app.audit_append($1::smallint, now(), 'r-1', 'forger', 'MUNICIPALITY', '4601', 'forge', NULL, NULL, NULL, '{}'::jsonb)`, [m]);
  try {
    await runner.startTransaction();
    await settings(idOf('4601'));
    await expect(runner.query(`SELECT count(*) FROM app.audit_event`)).rejects.toThrow(/permission denied/);
    await runner.rollbackTransaction();
    await runner.startTransaction();
    await settings(idOf('4601'));
    await expect(runner.query(`UPDATE app.audit_chain_head SET last_seq = 1`)).rejects.toThrow(/permission denied/);
    await runner.rollbackTransaction();
    await runner.startTransaction();
    await settings(idOf('4601'));
    await expect(
      runner.query(
        `INSERT INTO app.audit_event (municipality_id, seq, occurred_at, request_id, actor_sub, actor_role, actor_org, operation, changes, hash)
                    VALUES ($1, 999, now(), 'r', 's', 'MUNICIPALITY', '4601', 'x', '{}', 'h')`,
        [idOf('4601')],
      ),
    ).rejects.toThrow(/permission denied/);
    await runner.rollbackTransaction();
    // Another municipality's chain: the change log's policies still decide.
    await runner.startTransaction();
    await settings(idOf('4601'));
    await expect(append(idOf('0301'))).rejects.toThrow(/row-level security/);
    await runner.rollbackTransaction();
    // Its own: appended, numbered and hashed by the database, so the chain still verifies.
    await runner.startTransaction();
    await settings(idOf('4601'));
    await append(idOf('4601'));
    await runner.commitTransaction();
  } finally {
    await runner.release();
  }
  expect((await verify()).broken).toBeNull();
});

test('npm run audit:checkpoint and audit:verify, as the operator runs them', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'introsak-checkpoint-'));
  const key = path.join(dir, 'checkpoint.key');
  const pub = path.join(dir, 'checkpoint.pub');
  const file = path.join(dir, 'checkpoints.log');
  fs.writeFileSync(key, PRIVATE, { mode: 0o600 });
  fs.writeFileSync(pub, PUBLIC);
  const env = { ...process.env, DATABASE_URL: t.db.ownerUrl };
  const node = (script: string, args: string[]) =>
    spawnSync(process.execPath, [path.join(projectRoot(), 'dist/scripts', script), ...args], { env, encoding: 'utf8' });
  const signed = node('audit-checkpoint.js', ['--private-key', key, '--out', file]);
  expect(signed.stderr).toMatch(/signed 2 chain heads/);
  expect(signed.status).toBe(0);
  const ok = node('audit-verify.js', ['--checkpoints', file, '--public-key', pub]);
  expect(ok.stdout).toMatch(/audit chains intact: \d+ rows in 2 municipalities, each ending at its head, matching the checkpoint of .* \(2 chains\)/);
  expect(ok.status).toBe(0);
  // A later line whose content was changed after signing (its date moved a year on).
  fs.appendFileSync(
    file,
    fs
      .readFileSync(file, 'utf8')
      .trim()
      .replace(/"at":"(\d{4})/, (_m, y: string) => `"at":"${Number(y) + 1}`) + '\n',
  );
  const tampered = node('audit-verify.js', ['--checkpoints', file, '--public-key', pub]);
  expect(tampered.stderr).toMatch(/BROKEN: checkpoint line 2 has an invalid signature/);
  expect(tampered.status).toBe(1);
  expect(node('audit-verify.js', ['--checkpoints', file]).status).toBe(2);
  fs.rmSync(dir, { recursive: true, force: true });
});
