/** The three kinds of organisation that use introsak (a token's `role` claim). */
export const ROLES = ['MUNICIPALITY', 'COUNTY', 'STATSFORVALTER'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
