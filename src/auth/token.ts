import { createRemoteJWKSet, JWTPayload, jwtVerify, SignJWT } from 'jose';
import { JwtConfig } from '../config';
import { Actor } from './actor';
import { OrgDirectory } from './org-directory';
import { isRole, Role } from './roles';

export class AuthenticationError extends Error {}
export class UnknownOrganisationError extends Error {}

const CLOCK_TOLERANCE_SECONDS = 30;
/** The longest a token may live (exp − iat) unless JWT_MAX_LIFETIME_SECONDS says otherwise. */
export const DEFAULT_MAX_LIFETIME_SECONDS = 24 * 3600;
const DEV_ISSUER = 'introsak-dev';
const DEV_AUDIENCE = 'introsak';

/**
 * Verifies bearer tokens: HS256 with a shared secret in development, or the issuer's JWKS.
 * An explicit algorithm allow-list, exp and iat required, 30 s clock tolerance, iat not in the future,
 * a bounded lifetime.
 */
export class TokenVerifier {
  private readonly key: Uint8Array | ReturnType<typeof createRemoteJWKSet>;
  private readonly algorithms: string[];
  private readonly issuer: string;
  private readonly audience: string;
  private readonly maxLifetimeSeconds: number;

  constructor(config: JwtConfig, secret: string) {
    this.maxLifetimeSeconds = config.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS;
    if (config.mode === 'jwks') {
      this.key = createRemoteJWKSet(new URL(config.jwksUrl));
      this.algorithms = ['RS256', 'ES256'];
      this.issuer = config.issuer;
      this.audience = config.audience;
    } else {
      this.key = new TextEncoder().encode(secret);
      this.algorithms = ['HS256'];
      this.issuer = config.issuer ?? DEV_ISSUER;
      this.audience = config.audience ?? DEV_AUDIENCE;
    }
  }

  /**
   * Verified tokens, until they expire: a caseworker's dashboard sends the same token many times a
   * minute, and verifying a signature on every request costs more than the request's own SQL.
   */
  private readonly verified = new Map<string, JWTPayload>();
  private static readonly CACHE_SIZE = 10_000;

  async verify(token: string): Promise<JWTPayload> {
    const cached = this.verified.get(token);
    if (cached) {
      if ((cached.exp ?? 0) + CLOCK_TOLERANCE_SECONDS > Date.now() / 1000) return cached;
      this.verified.delete(token);
    }
    const payload = await this.verifyUncached(token);
    if (this.verified.size >= TokenVerifier.CACHE_SIZE) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, payload);
    return payload;
  }

  private async verifyUncached(token: string): Promise<JWTPayload> {
    try {
      const options = {
        algorithms: this.algorithms,
        issuer: this.issuer,
        audience: this.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iat', 'sub'],
      };
      const { payload } = this.key instanceof Uint8Array ? await jwtVerify(token, this.key, options) : await jwtVerify(token, this.key, options);
      checkTimes(payload, Date.now() / 1000, this.maxLifetimeSeconds);
      return payload;
    } catch {
      throw new AuthenticationError('invalid token');
    }
  }
}

/**
 * jose checks exp (and nbf) but lets a token say it was issued in the future and live for ten years.
 * A token must be issued no later than now + the clock tolerance, and live (exp − iat) at most
 * maxLifetimeSeconds: a leaked token is worth a working day, not a decade.
 */
export function checkTimes(payload: JWTPayload, nowSeconds: number, maxLifetimeSeconds: number): void {
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || typeof exp !== 'number' || !Number.isFinite(iat) || !Number.isFinite(exp))
    throw new AuthenticationError('iat and exp must be numbers');
  if (iat > nowSeconds + CLOCK_TOLERANCE_SECONDS) throw new AuthenticationError('token issued in the future');
  if (exp - iat > maxLifetimeSeconds) throw new AuthenticationError('token lifetime too long');
}

/**
 * Claims go into transaction settings, logs and the change log: printable text only, bounded. Control
 * characters (C0, C1), format characters (bidirectional overrides and isolates such as U+202E, zero-width
 * characters, BOM) and lone surrogates are refused: "Ola \u202eNordmann" would be shown reversed.
 */
const CLAIM_TEXT = /^[^\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]{1,200}$/u;

export function isClaimText(value: unknown): value is string {
  return typeof value === 'string' && CLAIM_TEXT.test(value);
}

export function actorFromClaims(payload: JWTPayload, directory: OrgDirectory): Actor {
  const { sub, name, role, org } = payload as JWTPayload & { name?: unknown; role?: unknown; org?: unknown };
  if (typeof sub !== 'string' || !sub || !isRole(role) || typeof org !== 'string') {
    throw new AuthenticationError('token lacks sub, role or org');
  }
  if (!isClaimText(sub) || !isClaimText(org) || (name !== undefined && !isClaimText(name))) {
    throw new AuthenticationError('token claims contain control characters or are too long');
  }
  const reachable = directory.reachableMunicipalities(role, org);
  if (!reachable) throw new UnknownOrganisationError(`unknown organisation for role ${role}`);
  return {
    sub,
    name: typeof name === 'string' && name ? name : sub,
    role,
    org,
    orgName: directory.orgName(role, org) ?? org,
    municipalityId: role === 'MUNICIPALITY' ? reachable[0].id : null,
    reachableMunicipalityIds: reachable.map((m) => m.id),
  };
}

/** A development token signed with the development secret (npm run token, tests). */
export async function signDevToken(
  secret: string,
  claims: { sub: string; name?: string; role: Role | string; org: string },
  options: { expiresInSeconds?: number; issuer?: string; audience?: string; issuedAt?: number } = {},
): Promise<string> {
  const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
  return new SignJWT({ name: claims.name ?? claims.sub, role: claims.role, org: claims.org })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(options.issuer ?? DEV_ISSUER)
    .setAudience(options.audience ?? DEV_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.expiresInSeconds ?? 8 * 3600))
    .sign(new TextEncoder().encode(secret));
}
