// the letter of a BENEFIT decision shows each part of the period with its G, and the total.
import { buildDecisionLetter, DecisionLetterInput } from '../../../src/domain/decision-letter';

const input: DecisionLetterInput = {
  reference: 'V-1a2b3c4d',
  municipalityName: 'Bergen',
  caseworkerName: 'Kari Saksbehandler',
  participantName: 'Amina Nord',
  statsforvalterName: 'Statsforvalteren i Vestland',
  type: 'BENEFIT',
  outcome: 'GRANTED',
  basis: null,
  reasons: 'Du deltar i introduksjonsprogram.',
  legalBasis: ['integreringsloven § 20'],
  decidedAt: '2025-04-10',
  advanceNoticeAt: null,
  appealDeadline: null,
  letterDate: '2025-04-11',
  details: {
    benefit: {
      gAmount: 124028,
      gDate: '2024-05-01',
      fractionOfG: '2',
      annualAmount: 248056,
      monthlyAmount: 20671,
      age: 35,
      periodFrom: '2025-04-01',
      periodTo: '2025-05-31',
      parts: [
        { from: '2025-04-01', to: '2025-04-30', gAmount: 124028, gDate: '2024-05-01', fraction: '2', amount: 20671 },
        { from: '2025-05-01', to: '2025-05-31', gAmount: 130160, gDate: '2025-05-01', fraction: '2', amount: 21693 },
      ],
      totalAmount: 42364,
    },
  },
};

it('bokmål and nynorsk print one line per part and the total', () => {
  const nb = buildDecisionLetter(input, 'NB').text;
  expect(nb).toContain('Del fra 1. mai 2025 til og med 31. mai 2025: G 130 160 kr (fra 1. mai 2025), 2 G per år: 21 693 kr.');
  expect(nb).toContain('Samlet for perioden: 42 364 kr.');
  const nn = buildDecisionLetter(input, 'NN').text;
  expect(nn).toContain('Del frå 1. april 2025 til og med 30. april 2025: G 124 028 kr (frå 1. mai 2024), 2 G per år: 20 671 kr.');
  expect(nn).toContain('Samla for perioden: 42 364 kr.');
});

it('a single part prints no part lines', () => {
  const one = { ...input, details: { benefit: { ...input.details.benefit!, parts: [input.details.benefit!.parts![0]], totalAmount: 20671 } } };
  expect(buildDecisionLetter(one, 'NB').text).not.toContain('Del fra');
});
