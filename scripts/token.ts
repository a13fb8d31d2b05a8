/**
 * Prints a development token: npm run token -- --role MUNICIPALITY --org 4601 [--sub id] [--name "Kari"] [--hours 8]
 * Signed with JWT_SECRET, or the development secret npm start generated into .data/. The token is the last line.
 */
import { loadConfig } from '../src/config';
import { devJwtSecret } from '../src/auth/dev-secret';
import { signDevToken } from '../src/auth/token';
import { isRole, ROLES } from '../src/auth/roles';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const role = arg('role') ?? 'MUNICIPALITY';
  const org = arg('org') ?? '4601';
  if (!isRole(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const config = loadConfig();
  const { secret, file } = devJwtSecret(config);
  const sub = arg('sub') ?? `dev-${role.toLowerCase()}-${org}`;
  const token = await signDevToken(secret, { sub, name: arg('name') ?? `Developer (${role} ${org})`, role, org }, { expiresInSeconds: Number(arg('hours') ?? 8) * 3600 });
  if (file) console.error(`(signed with the development secret in ${file})`);
  console.log(token);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
