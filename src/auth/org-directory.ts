import { Role } from './roles';

export interface MunicipalityRef {
  id: number;
  number: string;
  name: string;
  countyNumber: string;
}
export interface CountyRef {
  number: string;
  name: string;
  statsforvalterId: string;
}
export interface StatsforvalterAreaRef {
  id: string;
  name: string;
  countyNumbers: string[];
}

/**
 * The reference data (357 municipalities, 15 counties, 10 Statsforvalter areas) held in memory:
 * it changes only by migration, and every request needs it to map a token's org to municipalities.
 * The reference module reads it from the database (loadOrgDirectory).
 */
export class OrgDirectory {
  private readonly byNumber = new Map<string, MunicipalityRef>();
  private readonly byId = new Map<number, MunicipalityRef>();
  private readonly counties = new Map<string, CountyRef>();
  private readonly areas = new Map<string, StatsforvalterAreaRef>();

  constructor(municipalities: MunicipalityRef[], counties: CountyRef[], areas: { id: string; name: string }[]) {
    for (const m of municipalities) {
      this.byNumber.set(m.number, m);
      this.byId.set(m.id, m);
    }
    for (const c of counties) this.counties.set(c.number, c);
    for (const a of areas) {
      const countyNumbers = counties.filter((c) => c.statsforvalterId === a.id).map((c) => c.number);
      this.areas.set(a.id, { ...a, countyNumbers });
    }
  }

  municipalities(): MunicipalityRef[] {
    return [...this.byNumber.values()];
  }
  countyList(): CountyRef[] {
    return [...this.counties.values()];
  }
  areaList(): StatsforvalterAreaRef[] {
    return [...this.areas.values()];
  }
  municipalityById(id: number): MunicipalityRef | undefined {
    return this.byId.get(id);
  }
  municipalityByNumber(n: string): MunicipalityRef | undefined {
    return this.byNumber.get(n);
  }
  county(n: string): CountyRef | undefined {
    return this.counties.get(n);
  }
  area(id: string): StatsforvalterAreaRef | undefined {
    return this.areas.get(id);
  }
  /** the Statsforvalter whose area holds the municipality's county. */
  areaOfMunicipality(id: number): StatsforvalterAreaRef | undefined {
    const m = this.byId.get(id);
    const c = m && this.counties.get(m.countyNumber);
    return c ? this.areas.get(c.statsforvalterId) : undefined;
  }

  /** the municipalities an organisation reaches; null when the org is unknown for the role. */
  reachableMunicipalities(role: Role, org: string): MunicipalityRef[] | null {
    switch (role) {
      case 'MUNICIPALITY': {
        const m = this.byNumber.get(org);
        return m ? [m] : null;
      }
      case 'COUNTY': {
        if (!this.counties.has(org)) return null;
        return this.municipalities().filter((m) => m.countyNumber === org);
      }
      case 'STATSFORVALTER': {
        const a = this.areas.get(org);
        if (!a) return null;
        return this.municipalities().filter((m) => a.countyNumbers.includes(m.countyNumber));
      }
    }
  }

  orgName(role: Role, org: string): string | null {
    if (role === 'MUNICIPALITY') return this.byNumber.get(org)?.name ?? null;
    if (role === 'COUNTY') return this.counties.get(org)?.name ?? null;
    return this.areas.get(org)?.name ?? null;
  }
}
