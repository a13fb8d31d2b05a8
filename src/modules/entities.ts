/** Every TypeORM entity, for the API's DataSource and the CLI's. */
import { ParticipantEntity } from './participant/participant.entity';

export const ENTITIES = [ParticipantEntity];
