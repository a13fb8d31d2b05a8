/**
 * Keyed hashes of identity numbers (R-11.3, R-13.6): what lets two municipalities' cases refer to the same
 * person (a child whose care leave two participant parents share) without either storing or learning the
 * other's data. HMAC-SHA256 under a server key derived (HKDF-SHA256) from IDENTITY_KEY_SECRET, else the token
 * secret; without a secret there is no key, and the features that need one refuse rather than hash with a
 * key that another process would not share (a random key would make every count silently zero).
 *
 * An unkeyed hash of an 11-digit number with two check digits is reversed by trying the ~10^8 valid numbers;
 * the key is what makes the stored value useless to someone who has the rows but not the server's secret.
 */
import crypto from 'node:crypto';

let key: Buffer | null = null;

/** Every process that shares the database must be configured with the same secret. */
export function configureIdentityKey(secret: string | null | undefined): void {
  key = secret ? Buffer.from(crypto.hkdfSync('sha256', secret, 'introsak', 'identity-key-v1', 32)) : null;
}

export class IdentityKeyUnavailableError extends Error {
  constructor() {
    super('No identity key is configured (IDENTITY_KEY_SECRET): identity numbers cannot be matched across cases');
  }
}

/**
 * The keyed hash (64 hex digits) of an identity number for one purpose ('child', 'parent'): the same number
 * under another purpose gives an unrelated value, so a child key can never be matched against a parent key.
 */
export function identityKey(purpose: 'child' | 'parent', identityNumber: string): string {
  if (!key) throw new IdentityKeyUnavailableError();
  return crypto.createHmac('sha256', key).update(`${purpose}\n${identityNumber}`).digest('hex');
}
