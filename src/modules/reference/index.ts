/** Reference data: municipalities, counties and Statsforvalter areas. */
export { countyTable, municipalityTable, statsforvalterAreaTable } from './reference.table';
export { loadOrgDirectory } from './reference.repository';
export { toMunicipality } from './reference.resolver';
export { County, Municipality, StatsforvalterArea } from './reference.types';
