import { TenantSettings } from '../db/request-transaction';
import { Role } from './roles';

/** Who calls: verified from the token, with the municipalities the organisation may reach. */
export interface Actor {
  sub: string;
  name: string;
  role: Role;
  org: string;
  orgName: string;
  /** The caller's own municipality id (municipality users only). */
  municipalityId: number | null;
  reachableMunicipalityIds: number[];
}

export function tenantSettings(actor: Actor): TenantSettings {
  return {
    role: actor.role,
    org: actor.org,
    actor: actor.sub,
    municipalityId: actor.municipalityId,
    municipalityIds: actor.reachableMunicipalityIds,
  };
}
