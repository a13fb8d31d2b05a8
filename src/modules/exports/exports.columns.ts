/** The exports' columns: a stable key (logged as the field read) and a heading in bokmål, nynorsk and English. */
import type { AppealExportRow } from '../appeal';
import type { CaseExportRow } from '../caseload';
import type { CsvLanguage } from './csv';

export interface Column<R> {
  key: string;
  title: Record<CsvLanguage, string>;
  value(row: R): string | number | boolean | null;
}

export const CASE_COLUMNS: Column<CaseExportRow>[] = [
  { key: 'id', title: { NB: 'Saks-ID', NN: 'Saks-ID', EN: 'Case ID' }, value: (r) => r.participant.id },
  { key: 'name', title: { NB: 'Navn', NN: 'Namn', EN: 'Name' }, value: (r) => r.participant.fullName },
  { key: 'birthDate', title: { NB: 'Fødselsdato', NN: 'Fødselsdato', EN: 'Date of birth' }, value: (r) => r.participant.birthDate },
  { key: 'status', title: { NB: 'Status', NN: 'Status', EN: 'Status' }, value: (r) => r.participant.status },
  { key: 'permitCategory', title: { NB: 'Oppholdsgrunnlag', NN: 'Opphaldsgrunnlag', EN: 'Permit category' }, value: (r) => r.participant.permitCategory },
  { key: 'settlementDate', title: { NB: 'Bosettingsdato', NN: 'Busetjingsdato', EN: 'Settlement date' }, value: (r) => r.participant.settlementDate },
  { key: 'startDeadline', title: { NB: 'Frist for oppstart', NN: 'Frist for oppstart', EN: 'Start deadline' }, value: (r) => r.participant.startDeadline },
  {
    key: 'mappingCompleted',
    title: { NB: 'Kompetansekartlegging fullført', NN: 'Kompetansekartlegging fullført', EN: 'Competence mapping completed' },
    value: (r) => r.mappingCompleted,
  },
  { key: 'currentEndGoal', title: { NB: 'Sluttmål', NN: 'Sluttmål', EN: 'End goal' }, value: (r) => r.currentEndGoal },
  { key: 'latestDecisionType', title: { NB: 'Siste vedtak', NN: 'Siste vedtak', EN: 'Latest decision' }, value: (r) => r.latestDecision?.type ?? null },
  { key: 'latestDecisionOutcome', title: { NB: 'Utfall', NN: 'Utfall', EN: 'Outcome' }, value: (r) => r.latestDecision?.outcome ?? null },
  { key: 'latestDecisionDate', title: { NB: 'Vedtaksdato', NN: 'Vedtaksdato', EN: 'Decision date' }, value: (r) => r.latestDecision?.decidedAt ?? null },
  { key: 'latestDecisionNotifiedAt', title: { NB: 'Underrettet', NN: 'Underretta', EN: 'Notified' }, value: (r) => r.latestDecision?.notifiedAt ?? null },
  { key: 'hasOpenAppeal', title: { NB: 'Åpen klage', NN: 'Open klage', EN: 'Open appeal' }, value: (r) => r.hasOpenAppeal },
  { key: 'caseworker', title: { NB: 'Saksbehandler', NN: 'Saksbehandlar', EN: 'Caseworker' }, value: (r) => r.participant.assignedToName ?? null },
];

export const APPEAL_COLUMNS: Column<AppealExportRow & { municipalityNumber: string; municipalityName: string; statsforvalterName: string | null }>[] = [
  { key: 'id', title: { NB: 'Klage-ID', NN: 'Klage-ID', EN: 'Appeal ID' }, value: (r) => r.id },
  { key: 'municipalityNumber', title: { NB: 'Kommunenummer', NN: 'Kommunenummer', EN: 'Municipality number' }, value: (r) => r.municipalityNumber },
  { key: 'municipality', title: { NB: 'Kommune', NN: 'Kommune', EN: 'Municipality' }, value: (r) => r.municipalityName },
  { key: 'participantName', title: { NB: 'Klager', NN: 'Klagar', EN: 'Appellant' }, value: (r) => r.participantName },
  { key: 'decisionType', title: { NB: 'Vedtakstype', NN: 'Vedtakstype', EN: 'Decision type' }, value: (r) => r.decisionType },
  { key: 'decisionDate', title: { NB: 'Vedtaksdato', NN: 'Vedtaksdato', EN: 'Decision date' }, value: (r) => r.decisionDecidedAt },
  { key: 'state', title: { NB: 'Status', NN: 'Status', EN: 'State' }, value: (r) => r.state },
  { key: 'receivedAt', title: { NB: 'Mottatt', NN: 'Motteke', EN: 'Received' }, value: (r) => r.receivedAt },
  { key: 'sentAt', title: { NB: 'Sendt', NN: 'Send', EN: 'Sent' }, value: (r) => r.sentAt },
  { key: 'deadline', title: { NB: 'Klagefrist', NN: 'Klagefrist', EN: 'Appeal deadline' }, value: (r) => r.deadline },
  { key: 'filedInTime', title: { NB: 'Klaget i tide', NN: 'Klaga i tide', EN: 'Filed in time' }, value: (r) => r.filedInTime },
  { key: 'forwardedOn', title: { NB: 'Oversendt', NN: 'Oversend', EN: 'Forwarded' }, value: (r) => r.forwardedOn },
  { key: 'statsforvalter', title: { NB: 'Statsforvalter', NN: 'Statsforvaltar', EN: 'Statsforvalter office' }, value: (r) => r.statsforvalterName },
  { key: 'outcome', title: { NB: 'Utfall hos Statsforvalteren', NN: 'Utfall hos Statsforvaltaren', EN: "Statsforvalter's outcome" }, value: (r) => r.outcome },
  { key: 'outcomeDecidedAt', title: { NB: 'Avgjort', NN: 'Avgjort', EN: 'Decided' }, value: (r) => r.outcomeDecidedAt },
];
