// Participation certificate (deltakerbevis / deltakarbevis): integreringsloven § 18 a, integreringsforskriften § 50.
import { compareDates, daysBetween, type IsoDate } from './calendar';
import type { EndGoal } from './end-goal';
import type { ElementKind } from './integration-plan';
import { LAW } from './law-references';
import { RuleViolation } from './rule-violation';

export const CERTIFICATE_LANGUAGES = ['NB', 'NN'] as const;
export type CertificateLanguage = (typeof CERTIFICATE_LANGUAGES)[number];

export const CERTIFICATE_END_REASONS = ['COMPLETED', 'INTERRUPTED'] as const;
export type CertificateEndReason = (typeof CERTIFICATE_END_REASONS)[number];

/**
 * One element on the certificate: the hours attended and whether it was completed, as the municipality recorded
 * them; both null when nothing was recorded for the element, which the certificate says in words.
 */
export type CertificateElement = { kind: ElementKind; description?: string | null; hours: number | null; completed: boolean | null };

export type CertificateInput = {
  participantName: string;
  municipalityName: string;
  startDate: IsoDate;
  /** Last day in the programme. */
  endDate: IsoDate;
  /** The planned last day (with extensions and added absence); the share completed is measured against it. */
  plannedEndDate: IsoDate;
  endReason: CertificateEndReason;
  /** Why the participant left early (IMDi: an interrupted programme should say why). */
  interruptionReason?: string | null;
  endGoal: EndGoal;
  endGoalReached: boolean;
  elements: readonly CertificateElement[];
  issueDate: IsoDate;
};

export type CertificateLine = { label: string; value: string };
export type Certificate = {
  title: string;
  language: CertificateLanguage;
  lines: CertificateLine[];
  /** where the element lines come from (the municipality's records), printed under them. */
  elementsNote: string;
  text: string;
};

type Texts = {
  title: string;
  participant: string;
  municipality: string;
  period: string;
  endReason: string;
  endReasons: Record<CertificateEndReason, string>;
  interruptionReason: string;
  endGoal: string;
  endGoals: Record<EndGoal, string>;
  endGoalReached: string;
  yes: string;
  no: string;
  elements: Record<ElementKind, string>;
  hours: string;
  completed: string;
  notCompleted: string;
  notRecorded: string;
  elementsNote: string;
  share: string;
  issued: string;
};

// Bokmål and nynorsk wording (the certificate is issued in the participant's chosen written standard).
const TEXTS: Record<CertificateLanguage, Texts> = {
  NB: {
    title: 'Deltakerbevis for introduksjonsprogrammet',
    participant: 'Deltaker',
    municipality: 'Kommune',
    period: 'Periode',
    endReason: 'Årsak til avslutning',
    endReasons: { COMPLETED: 'Fullført', INTERRUPTED: 'Avbrutt' },
    interruptionReason: 'Årsak til avbrudd',
    endGoal: 'Sluttmål',
    endGoals: {
      WORK: 'Arbeid',
      HIGHER_EDUCATION_PREPARATION: 'Forberedelse til høyere utdanning',
      VOCATIONAL_REQUALIFICATION: 'Yrkesfaglig rekvalifisering',
      UPPER_SECONDARY_COMPLETE: 'Fullført videregående opplæring',
      UPPER_SECONDARY_PARTIAL: 'Deler av videregående opplæring',
      VOCATIONAL_CERTIFICATE: 'Fullført fag- og yrkesopplæring (fagbrev)',
      WORK_QUALIFYING: 'Arbeidskvalifiserende program',
    },
    endGoalReached: 'Sluttmål nådd',
    yes: 'Ja',
    no: 'Nei',
    elements: {
      NORWEGIAN: 'Opplæring i norsk',
      SOCIAL_STUDIES: 'Samfunnskunnskap',
      LIFE_SKILLS: 'Livsmestring',
      PARENTAL_GUIDANCE: 'Foreldreveiledning',
      WORK_PRACTICE: 'Arbeidspraksis',
      EDUCATION: 'Utdanning',
      JOB_TRAINING: 'Arbeidstrening',
      OTHER: 'Annet',
    },
    hours: 'timer',
    completed: 'fullført',
    notCompleted: 'ikke fullført',
    notRecorded: 'Ikke registrert av kommunen',
    elementsNote: 'Timer og fullføring per element er slik kommunen har registrert oppmøtet.',
    share: 'Andel av programmet som er gjennomført',
    issued: 'Utstedt dato',
  },
  NN: {
    title: 'Deltakarbevis for introduksjonsprogrammet',
    participant: 'Deltakar',
    municipality: 'Kommune',
    period: 'Periode',
    endReason: 'Årsak til avslutning',
    endReasons: { COMPLETED: 'Fullført', INTERRUPTED: 'Avbrote' },
    interruptionReason: 'Årsak til avbrot',
    endGoal: 'Sluttmål',
    endGoals: {
      WORK: 'Arbeid',
      HIGHER_EDUCATION_PREPARATION: 'Førebuing til høgare utdanning',
      VOCATIONAL_REQUALIFICATION: 'Yrkesfagleg rekvalifisering',
      UPPER_SECONDARY_COMPLETE: 'Fullført vidaregåande opplæring',
      UPPER_SECONDARY_PARTIAL: 'Delar av vidaregåande opplæring',
      VOCATIONAL_CERTIFICATE: 'Fullført fag- og yrkesopplæring (fagbrev)',
      WORK_QUALIFYING: 'Arbeidskvalifiserande program',
    },
    endGoalReached: 'Sluttmål nådd',
    yes: 'Ja',
    no: 'Nei',
    elements: {
      NORWEGIAN: 'Opplæring i norsk',
      SOCIAL_STUDIES: 'Samfunnskunnskap',
      LIFE_SKILLS: 'Livsmeistring',
      PARENTAL_GUIDANCE: 'Foreldrerettleiing',
      WORK_PRACTICE: 'Arbeidspraksis',
      EDUCATION: 'Utdanning',
      JOB_TRAINING: 'Arbeidstrening',
      OTHER: 'Anna',
    },
    hours: 'timar',
    completed: 'fullført',
    notCompleted: 'ikkje fullført',
    notRecorded: 'Ikkje registrert av kommunen',
    elementsNote: 'Timar og fullføring per element er slik kommunen har registrert oppmøtet.',
    share: 'Del av programmet som er gjennomført',
    issued: 'Utferda dato',
  },
};

/** 'YYYY-MM-DD' → 'DD.MM.YYYY', the Norwegian date format. */
export function norwegianDate(d: IsoDate): string {
  const [y, m, day] = d.split('-');
  return `${day}.${m}.${y}`;
}

// integreringsloven § 18 a: share of the planned programme time completed, whole percent, at most 100.
export function shareCompletedPercent(startDate: IsoDate, endDate: IsoDate, plannedEndDate: IsoDate): number {
  const planned = daysBetween(startDate, plannedEndDate) + 1;
  const done = daysBetween(startDate, endDate) + 1;
  if (planned <= 0 || done <= 0) return 0;
  return Math.min(100, Math.round((100 * done) / planned));
}

function formatHours(hours: number): string {
  return Number.isInteger(hours) ? String(hours) : hours.toFixed(1).replace('.', ',');
}

// what was recorded for an element (hours attended, completed or not), or that nothing was.
function elementValue(e: CertificateElement, t: Texts): string {
  if (e.hours === null || e.hours === undefined) return t.notRecorded;
  const completed = e.completed === null || e.completed === undefined ? '' : `, ${e.completed ? t.completed : t.notCompleted}`;
  return `${formatHours(e.hours)} ${t.hours}${completed}`;
}

// integreringsloven § 18 a: the certificate issued when a programme is completed or interrupted.
export function buildCertificate(input: CertificateInput, language: CertificateLanguage): Certificate {
  if (compareDates(input.endDate, input.startDate) < 0 || compareDates(input.plannedEndDate, input.startDate) < 0) {
    throw new RuleViolation('R-10.1', LAW['R-10.1'], 'The programme period on the certificate must end on or after its start date.', {
      startDate: input.startDate,
      endDate: input.endDate,
      plannedEndDate: input.plannedEndDate,
    });
  }
  const t = TEXTS[language];
  const lines: CertificateLine[] = [
    { label: t.participant, value: input.participantName },
    { label: t.municipality, value: input.municipalityName },
    { label: t.period, value: `${norwegianDate(input.startDate)}–${norwegianDate(input.endDate)}` },
    { label: t.endReason, value: t.endReasons[input.endReason] },
  ];
  if (input.endReason === 'INTERRUPTED' && input.interruptionReason?.trim()) {
    lines.push({ label: t.interruptionReason, value: input.interruptionReason.trim() });
  }
  lines.push({ label: t.endGoal, value: t.endGoals[input.endGoal] }, { label: t.endGoalReached, value: input.endGoalReached ? t.yes : t.no });
  for (const e of input.elements) {
    const name = e.description?.trim() ? `${t.elements[e.kind]} (${e.description.trim()})` : t.elements[e.kind];
    lines.push({ label: name, value: elementValue(e, t) });
  }
  lines.push(
    { label: t.share, value: `${shareCompletedPercent(input.startDate, input.endDate, input.plannedEndDate)} %` },
    { label: t.issued, value: norwegianDate(input.issueDate) },
  );
  const text = [t.title, '', ...lines.map((l) => `${l.label}: ${l.value}`), '', t.elementsNote].join('\n');
  return { title: t.title, language, lines, elementsNote: t.elementsNote, text };
}
