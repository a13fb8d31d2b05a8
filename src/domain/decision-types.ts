// Decisions (enkeltvedtak) the municipality makes under integreringsloven, and what their notice says.
import { IsoDate, isIsoDate } from './calendar';

export const DECISION_TYPES = [
  'PARTICIPATION', // grant or refuse the programme, including a discretionary offer (§§ 8, 12)
  'BENEFIT', // grant or change the benefit, including deductions for absence (§§ 20–21)
  'PLAN_SIGNIFICANT_CHANGE', // significant change to the integration plan (§ 15)
  'HALT', // temporary or permanent halt (stans, § 18)
  'EXTENSION', // extension of programme time (§ 14)
  'LEAVE', // leave (permisjon), integreringsforskriften chapter 4
  'EXEMPTION', // exemption from Norwegian or social-studies training (§ 29)
  'APPEAL_DISMISSAL', // the municipality dismissed (avviste) an appeal: itself appealable (fvl §§ 2 third para, 28, 33)
] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

// integreringsloven § 46 / integreringsforskriften § 69: every seed decision type can be appealed.
// Holiday (forskrift § 18) and career guidance are not decisions, so they are not in the list.
const APPEALABLE: Readonly<Record<DecisionType, boolean>> = {
  PARTICIPATION: true,
  BENEFIT: true,
  PLAN_SIGNIFICANT_CHANGE: true,
  HALT: true,
  EXTENSION: true,
  LEAVE: true,
  EXEMPTION: true,
  APPEAL_DISMISSAL: true,
};

const LEGAL_BASIS: Readonly<Record<DecisionType, readonly string[]>> = {
  PARTICIPATION: ['integreringsloven § 8', 'integreringsloven § 9', 'integreringsloven § 12'],
  BENEFIT: ['integreringsloven § 19', 'integreringsloven § 20', 'integreringsloven § 21'],
  PLAN_SIGNIFICANT_CHANGE: ['integreringsloven § 15'],
  HALT: ['integreringsloven § 18'],
  EXTENSION: ['integreringsloven § 14'],
  LEAVE: ['integreringsloven § 17', 'integreringsforskriften kapittel 4'],
  EXEMPTION: ['integreringsloven § 29', 'integreringsforskriften §§ 23–24'],
  // The dismissal rests on forvaltningsloven § 33 (its letter says so); the list names the Act's sections, as for every type.
  APPEAL_DISMISSAL: ['integreringsloven § 47'],
};

export function isDecisionType(value: string): value is DecisionType {
  return (DECISION_TYPES as readonly string[]).includes(value);
}

// integreringsloven § 46: whether a decision of this type can be appealed (unknown types: no).
export function isAppealable(type: string): boolean {
  return isDecisionType(type) && APPEALABLE[type];
}

// forvaltningsloven § 25: the sections a decision of this type rests on.
export function legalBasisFor(type: DecisionType): readonly string[] {
  return LEGAL_BASIS[type];
}

const MONTHS_NB = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

// '2026-03-24' → '24. mars 2026'.
export function formatDateNb(d: IsoDate): string {
  if (!isIsoDate(d)) throw new RangeError(`Not a valid calendar date: ${d}`);
  const [y, m, day] = d.split('-').map(Number);
  return `${day}. ${MONTHS_NB[m - 1]} ${y}`;
}

export interface AppealInformation {
  rightToAppeal: string;
  appealBody: string;
  deadline: IsoDate;
  howToAppeal: string;
}

// forvaltningsloven § 27 tredje ledd: the notice tells the right to appeal, the appeal body, the deadline and how.
export function appealInformation({ statsforvalterName, deadline }: { statsforvalterName: string; deadline: IsoDate }): AppealInformation {
  return {
    rightToAppeal:
      `Du har rett til å klage på dette vedtaket. Klagefristen er tre uker fra du fikk melding om vedtaket. ` +
      `Klagen må være sendt senest ${formatDateNb(deadline)}. Hvis du ber om en begrunnelse før fristen går ut, ` +
      `får du en ny frist på tre uker fra du har fått begrunnelsen (forvaltningsloven §§ 28–29).`,
    appealBody:
      `${statsforvalterName} behandler klagen (integreringsloven § 47). Kommunen ser først på saken og kan endre ` +
      `vedtaket. Hvis kommunen ikke gir deg medhold, sender den klagen til ${statsforvalterName}.`,
    deadline,
    howToAppeal:
      'Klagen skal være skriftlig og sendes til kommunen som har gjort vedtaket. Skriv hvilket vedtak du klager på, ' +
      'og hvilken endring du ønsker. Du bør forklare hvorfor du klager, og legge ved det som kan ha betydning. ' +
      'Klagen skal være underskrevet. Du har rett til å se dokumentene i saken (forvaltningsloven § 18).',
  };
}
