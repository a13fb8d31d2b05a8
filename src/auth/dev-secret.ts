import path from 'node:path';
import { Config } from '../config';
import { readOrCreateSecret } from '../db/embedded';

/**
 * The HS256 secret: JWT_SECRET, or outside production one generated once into .data/jwt-dev-secret
 * (npm start and npm run token share it). In production there is no generated secret.
 */
export function devJwtSecret(config: Config): { secret: string; file: string | null } {
  if (config.jwt.mode === 'secret' && config.jwt.secret) return { secret: config.jwt.secret, file: null };
  if (config.production) throw new Error('No JWT secret in production: configure JWT_JWKS_URL or JWT_SECRET');
  const file = path.join(config.dataDir, 'jwt-dev-secret');
  return { secret: readOrCreateSecret(file, 32), file };
}
