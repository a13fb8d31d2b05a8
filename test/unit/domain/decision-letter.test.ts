import { buildDecisionLetter, DecisionLetterInput, inLanguage, municipalityTitle } from '../../../src/domain/decision-letter';
import { DECISION_TYPES } from '../../../src/domain/decision-types';
import { RuleViolation } from '../../../src/domain/rule-violation';

const base: DecisionLetterInput = {
  reference: 'V-1a2b3c4d',
  municipalityName: 'Bergen',
  caseworkerName: 'Kari Saksbehandler',
  participantName: 'Amina Nord',
  statsforvalterName: 'Statsforvalteren i Vestland',
  type: 'PARTICIPATION',
  outcome: 'GRANTED',
  basis: 'RIGHT_AND_DUTY',
  reasons: 'Du er bosatt etter avtale med IMDi og har rett og plikt.',
  legalBasis: ['integreringsloven § 8', 'integreringsforskriften § 4'],
  decidedAt: '2026-03-24',
  advanceNoticeAt: null,
  appealDeadline: null,
  details: {},
  letterDate: '2026-03-25',
};

describe('R-8.2 / R-8.3 the decision letter carries what forvaltningsloven §§ 24–27 require', () => {
  it.each(['NB', 'NN'] as const)('%s: decision, rules, facts, assessment, appeal right, deadline, where and how, access, caseworker, municipality', (lang) => {
    const { text } = buildDecisionLetter(base, lang);
    const nb = lang === 'NB';
    expect(text).toContain('Bergen kommune');
    expect(text).toContain('Kari Saksbehandler');
    expect(text).toContain('Amina Nord');
    expect(text).toContain(nb ? 'Vedtak om deltakelse i introduksjonsprogram' : 'Vedtak om deltaking i introduksjonsprogram');
    expect(text).toContain(nb ? 'Begrunnelse' : 'Grunngjeving');
    expect(text).toContain(nb ? 'Vedtaket bygger på disse reglene:' : 'Vedtaket byggjer på desse reglane:');
    expect(text).toContain(nb ? 'integreringsloven § 8' : 'integreringslova § 8');
    expect(text).toContain(nb ? 'integreringsforskriften § 4' : 'integreringsforskrifta § 4');
    expect(text).toContain(nb ? 'faktiske forholdene' : 'faktiske tilhøva');
    expect(text).toContain('24. mars 2026');
    expect(text).toContain(base.reasons);
    expect(text).toContain(nb ? 'Du har rett til å klage på vedtaket (forvaltningsloven § 28)' : 'Du har rett til å klage på vedtaket (forvaltningslova § 28)');
    expect(text).toContain(nb ? 'Klagefristen er tre uker' : 'Klagefristen er tre veker');
    expect(text).toContain(nb ? 'Send klagen til Bergen kommune' : 'Send klaga til Bergen kommune');
    expect(text).toContain(nb ? 'Statsforvalteren i Vestland' : 'Statsforvaltaren i Vestland');
    expect(text).toContain(nb ? 'Klagen må være skriftlig' : 'Klaga må vere skriftleg');
    expect(text).toContain(nb ? 'hvilken endring du ønsker' : 'kva endring du ønskjer');
    expect(text).toContain(nb ? 'Du har rett til å se dokumentene i saken' : 'Du har rett til å sjå dokumenta i saka');
    expect(text).toContain(nb ? 'forvaltningsloven §§ 18 og 19' : 'forvaltningslova §§ 18 og 19');
    expect(text).toContain(nb ? 'Med hilsen' : 'Med helsing');
  });

  it('with the notice recorded, the letter names the last day to appeal', () => {
    expect(buildDecisionLetter({ ...base, appealDeadline: '2026-04-16' }, 'NB').text).toContain('Klagen må være sendt senest 16. april 2026.');
    expect(buildDecisionLetter({ ...base, appealDeadline: '2026-04-16' }, 'NN').text).toContain('Klaga må vere send seinast 16. april 2026.');
    expect(buildDecisionLetter(base, 'NB').text).not.toContain('senest');
  });

  it('every decision type, granted and refused, in both languages, has its own title and decision sentence', () => {
    for (const type of DECISION_TYPES) {
      for (const outcome of ['GRANTED', 'REFUSED'] as const) {
        const nb = buildDecisionLetter({ ...base, type, outcome }, 'NB');
        const nn = buildDecisionLetter({ ...base, type, outcome }, 'NN');
        expect(nb.title).toMatch(/^Vedtak om /);
        expect(nn.title).toMatch(/^Vedtak om /);
        expect(nb.sections[0].paragraphs[0]).not.toEqual(nn.sections[0].paragraphs[0]);
        expect(nb.sections[0].paragraphs[0].length).toBeGreaterThan(10);
      }
    }
  });

  it('prints the facts of each type: benefit, halt, extension, leave, exemption, advance notice', () => {
    const text = (over: Partial<DecisionLetterInput>, lang: 'NB' | 'NN' = 'NB') => buildDecisionLetter({ ...base, ...over }, lang).text;
    const benefit = {
      gAmount: 130160,
      gDate: '2025-05-01',
      fractionOfG: '2',
      annualAmount: 260320,
      monthlyAmount: 21693,
      age: 30,
      periodFrom: '2026-04-01',
      periodTo: null,
    };
    expect(text({ type: 'BENEFIT', details: { benefit } })).toContain('Grunnbeløpet (G) er 130 160 kr fra 1. mai 2025.');
    expect(text({ type: 'BENEFIT', details: { benefit } })).toContain('21 693 kr per måned');
    expect(
      text({ type: 'HALT', advanceNoticeAt: '2026-03-01', details: { halt: { kind: 'TEMPORARY', fromDate: '2026-04-01', toDate: '2026-05-31' } } }),
    ).toContain('stanset midlertidig fra 1. april 2026 til og med 31. mai 2026');
    expect(text({ type: 'HALT', advanceNoticeAt: '2026-03-01', details: {} }, 'NN')).toContain('førehandsvarsel 1. mars 2026');
    expect(text({ type: 'EXTENSION', details: { extension: { months: 6 } } }, 'NN')).toContain('forlengd med 6 månader');
    expect(
      text({ type: 'LEAVE', details: { leave: { kind: 'CARE_LEAVE', fromDate: '2026-02-02', toDate: '2026-06-30', workingDays: 107, withBenefit: false } } }),
    ).toContain('Du får omsorgspermisjon fra 2. februar 2026 til og med 30. juni 2026 (107 virkedager), uten introduksjonsstønad.');
    expect(
      text({ type: 'EXEMPTION', outcome: 'REFUSED', details: { exemption: { subject: 'SOCIAL_STUDIES', ground: 'DOCUMENTED_KNOWLEDGE' } } }, 'NN'),
    ).toContain('Du får ikkje fritak frå opplæring i samfunnskunnskap.');
  });

  it('refuses a letter without reasons (forvaltningsloven § 24)', () => {
    expect(() => buildDecisionLetter({ ...base, reasons: '  ' }, 'NB')).toThrow(RuleViolation);
  });

  it('nynorsk names the Acts -lova and the office Statsforvaltaren; municipality names get "kommune" once', () => {
    expect(inLanguage('integreringsloven § 47 / forvaltningsloven § 34', 'NN')).toBe('integreringslova § 47 / forvaltningslova § 34');
    expect(inLanguage('integreringsforskriften kapittel 4', 'NN')).toBe('integreringsforskrifta kapittel 4');
    expect(inLanguage('integreringsloven § 8', 'NB')).toBe('integreringsloven § 8');
    expect(municipalityTitle('Oslo')).toBe('Oslo kommune');
    expect(municipalityTitle('Bergen kommune')).toBe('Bergen kommune');
  });
});
