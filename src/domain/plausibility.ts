// Plausibility of what a person or the municipality reports (R-13.7, clarifying ): a
// reported date is never after today, a notice never reaches the participant before its decision was made, and
// text the law asks for (reasons, grounds, the change wanted, statements) carries content after trimming.
import { compareDates, type IsoDate } from './calendar';
import { LAW } from './law-references';
import { RuleViolation } from './rule-violation';

// R-13.7 (R-8.2 reasons, R-9.1 grounds and change wanted): text that must carry content, trimmed; refused when
// nothing but whitespace is left.
export function requiredContent(value: string | null | undefined, field: string): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) {
    throw new RuleViolation('R-13.7', LAW['R-13.7'], `${field} must say something: it is empty after trimming.`, { field });
  }
  return trimmed;
}

// a date someone reports as having happened (notice received, appeal sent or received, absence) is never after today.
export function assertReportedDateNotFuture(date: IsoDate, today: IsoDate, field: string): void {
  if (compareDates(date, today) > 0) {
    throw new RuleViolation('R-13.7', LAW['R-13.7'], `${field} (${date}) is in the future: a reported date is never after today (${today}).`, {
      field,
      date,
      today,
    });
  }
}

// the notice reached the participant on or after the decision was made, and not after today (the
// appeal deadline runs from it).
export function assertPlausibleNoticeDate(input: { decidedAt: IsoDate; notifiedAt: IsoDate; today: IsoDate }, field = 'notifiedAt'): void {
  if (compareDates(input.notifiedAt, input.decidedAt) < 0) {
    throw new RuleViolation(
      'R-13.7',
      LAW['R-13.7'],
      `The notice cannot reach the participant (${input.notifiedAt}) before the decision was made (${input.decidedAt}).`,
      {
        field,
        ...input,
      },
    );
  }
  assertReportedDateNotFuture(input.notifiedAt, input.today, field);
}

// R-13.7 / R-9.2 (forvaltningsloven § 24): a request for reasons is made after the decision, the reasons are received
// after the request, and neither is after today.
export function assertPlausibleReasonsRequest(input: { decidedAt: IsoDate; requestedAt: IsoDate; receivedAt: IsoDate | null; today: IsoDate }): void {
  const refuse = (message: string, field: string) => {
    throw new RuleViolation('R-13.7', LAW['R-13.7'], message, { field, ...input });
  };
  if (compareDates(input.requestedAt, input.decidedAt) < 0) refuse('Reasons cannot be requested before the decision was made.', 'requestedAt');
  assertReportedDateNotFuture(input.requestedAt, input.today, 'requestedAt');
  if (input.receivedAt) {
    if (compareDates(input.receivedAt, input.requestedAt) < 0) refuse('Reasons cannot be received before they were requested.', 'receivedAt');
    assertReportedDateNotFuture(input.receivedAt, input.today, 'receivedAt');
  }
}
