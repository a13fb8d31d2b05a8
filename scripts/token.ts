/**
 * Prints a development token: npm run token -- --role MUNICIPALITY --org 4601 [--sub id] [--name "Kari"] [--hours 8]
 * Signed with JWT_SECRET, or the development secret npm start generated into .data/. The token is the last line.
 * The organisation is checked against the reference data shipped with the migrations, so no database is needed.
 */
import { loadConfig } from '../src/config';
import { devJwtSecret } from '../src/auth/dev-secret';
import { signDevToken } from '../src/auth/token';
import { isRole, Role, ROLES } from '../src/auth/roles';
import { COUNTIES, MUNICIPALITIES, STATSFORVALTER_AREAS } from '../migrations/reference-data-2024';
import { parseOptions, runScript, UsageError } from './lib/errors';

const USAGE = `usage: npm run token -- --role ROLE --org ORG [--sub ID] [--name NAME] [--hours N]

  --role   MUNICIPALITY, COUNTY or STATSFORVALTER
  --org    MUNICIPALITY: a 4-digit municipality number, e.g. 4601 (Bergen), 0301 (Oslo)
           COUNTY: a 2-digit county number, e.g. 46 (Vestland), 11 (Rogaland)
           STATSFORVALTER: an area id, e.g. vestland, rogaland
  --sub    the user id (default dev-<role>-<org>)
  --name   the user's name (default "Developer (<role> <org>)")
  --hours  lifetime in hours, more than 0 and at most 24 (default 8; the server refuses longer-lived tokens)

The token is the last line printed: TOKEN=$(npm run -s token -- --role MUNICIPALITY --org 4601 | tail -1)`;

const ORGS: Record<Role, [string, string][]> = {
  MUNICIPALITY: MUNICIPALITIES.map(([n, name]) => [n, name]),
  COUNTY: COUNTIES.map(([n, name]) => [n, name]),
  STATSFORVALTER: STATSFORVALTER_AREAS.map(([id, name]) => [id, name]),
};

/** The organisation's name, or a usage error that says what the org should look like. */
function orgName(role: Role, org: string): string {
  const hit = ORGS[role].find(([id]) => id === org);
  if (hit) return hit[1];
  const byName = Object.entries(ORGS).flatMap(([r, list]) =>
    list
      .filter(([, name]) => name.toLowerCase() === org.toLowerCase() || name.toLowerCase() === `statsforvalteren i ${org.toLowerCase()}`)
      .map(([id, name]) => `--role ${r} --org ${id} (${name})`),
  );
  const elsewhere = Object.entries(ORGS)
    .filter(([r, list]) => r !== role && list.some(([id]) => id === org))
    .map(([r]) => r);
  let hint = '';
  if (byName.length) hint = ` Did you mean ${byName.join(' or ')}?`;
  else if (elsewhere.length) hint = ` "${org}" is a ${elsewhere.join('/')} organisation, not a ${role} one.`;
  else if (role === 'COUNTY') hint = ` Counties: ${COUNTIES.map(([n, name]) => `${n} ${name}`).join(', ')}.`;
  else if (role === 'STATSFORVALTER') hint = ` Areas: ${STATSFORVALTER_AREAS.map(([id]) => id).join(', ')}.`;
  throw new UsageError(`--org ${org} is not a known ${role} organisation.${hint}`, USAGE);
}

const PRINTABLE = /^[^\u0000-\u001f\u007f]{1,200}$/;

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2), ['role', 'org', 'sub', 'name', 'hours'], USAGE);
  if (!opts.role) throw new UsageError('--role is required', USAGE);
  if (!isRole(opts.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, not "${opts.role}"`, USAGE);
  const role = opts.role;
  if (!opts.org)
    throw new UsageError(
      `--org is required (the ${role === 'MUNICIPALITY' ? 'municipality number' : role === 'COUNTY' ? 'county number' : 'Statsforvalter area id'})`,
      USAGE,
    );
  const org = opts.org;
  const name = orgName(role, org);
  const hours = opts.hours === undefined ? 8 : Number(opts.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24)
    throw new UsageError(`--hours must be a number of hours above 0 and at most 24, not "${opts.hours}"`, USAGE);
  for (const k of ['sub', 'name'] as const) {
    if (opts[k] !== undefined && !PRINTABLE.test(opts[k])) throw new UsageError(`--${k} must be 1–200 printable characters`, USAGE);
  }
  const config = loadConfig();
  const { secret, file } = devJwtSecret(config);
  const sub = opts.sub ?? `dev-${role.toLowerCase()}-${org}`;
  const token = await signDevToken(secret, { sub, name: opts.name ?? `Developer (${role} ${org})`, role, org }, { expiresInSeconds: Math.round(hours * 3600) });
  console.error(`(${role} ${org} ${name}, valid ${hours} h, signed with ${file ? `the development secret in ${file}` : 'JWT_SECRET'})`);
  console.log(token);
}

runScript('npm run token', main);
