/** Valid test identity numbers and participant inputs. */
import { makeFnr } from '../../scripts/lib/synthetic';

export { makeFnr };

let counter = 0;

export function participantInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  const birthDate = (overrides.birthDate as string) ?? '1990-05-17';
  return {
    name: `Test Person ${counter}`,
    identityNumber: makeFnr(birthDate, counter * 7),
    birthDate,
    permitCategory: 'REFUGEE',
    permitGrantDate: '2026-06-01',
    arrivalDate: '2026-06-10',
    settlementDate: '2026-09-01',
    settledByAgreementWithImdi: true,
    hasUpperSecondary: false,
    languages: ['ar'],
    ...overrides,
  };
}

export const REGISTER = `mutation Register($input: RegisterParticipantInput!) {
  registerParticipant(input: $input) { id name birthDate startDeadline status version }
}`;
