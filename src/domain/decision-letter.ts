// The decision letter (vedtaksbrev): what forvaltningsloven §§ 24–27 require of a written decision and its
// notice, in bokmål or nynorsk. A pure function from the decision's facts to the letter's text;
// src/modules/documents lays it out as a PDF.
//
// - § 23: in writing; § 24: reasons given with the decision; § 25: the reasons name the rules the decision
//   rests on, the facts it rests on, and the main considerations of a discretionary assessment;
// - § 27: the notice tells the right to appeal, the deadline, the appeal body and how to appeal (§§ 28–32), the
//   right to see the case documents (§§ 18–19), and that enforcement may be deferred (§ 42);
// - the municipality that decided and the caseworker (the new Act's § 58 asks for the caseworker's name).
import { compareDates, type IsoDate } from './calendar';
import type { CertificateLanguage } from './certificate';
import { formatDateNb, type DecisionType } from './decision-types';
import { LAW } from './law-references';
import { RuleViolation } from './rule-violation';

export type LetterLanguage = CertificateLanguage;

/** The type-specific facts a decision stores (app.decision.details), as far as a letter prints them. */
export interface DecisionLetterDetails {
  eligibility?: { basis?: string; regime?: string; unmet?: { code: string; lawReference: string }[] } | null;
  benefit?: {
    gAmount: number;
    gDate: IsoDate;
    fractionOfG: string;
    annualAmount: number;
    monthlyAmount: number;
    age: number;
    periodFrom: IsoDate;
    periodTo: IsoDate | null;
    /** the period split where the rate changes; absent on decisions made before parts were stored. */
    parts?: { from: IsoDate; to: IsoDate | null; gAmount: number; gDate: IsoDate; fraction: string; amount: number | null }[];
    totalAmount?: number | null;
  } | null;
  halt?: { kind: 'TEMPORARY' | 'PERMANENT'; fromDate: IsoDate; toDate?: IsoDate | null } | null;
  extension?: { months: number } | null;
  leave?: { kind: string; fromDate: IsoDate; toDate: IsoDate; workingDays: number; withBenefit: boolean } | null;
  exemption?: { subject: 'NORWEGIAN' | 'SOCIAL_STUDIES'; ground: 'DOCUMENTED_KNOWLEDGE' | 'HEALTH_OR_WEIGHTY_REASONS' } | null;
}

export interface DecisionLetterInput {
  /** A short reference the participant can quote (the decision's id, shortened). */
  reference: string;
  municipalityName: string;
  caseworkerName: string;
  participantName: string;
  statsforvalterName: string;
  type: DecisionType;
  outcome: 'GRANTED' | 'REFUSED';
  /** PARTICIPATION: RIGHT_AND_DUTY or DISCRETIONARY. */
  basis: string | null;
  reasons: string;
  legalBasis: readonly string[];
  decidedAt: IsoDate;
  advanceNoticeAt: IsoDate | null;
  /** The appeal deadline once the notice date is recorded; before that the letter states the rule. */
  appealDeadline: IsoDate | null;
  details: DecisionLetterDetails;
  /** The day the letter is printed. */
  letterDate: IsoDate;
}

export interface LetterSection {
  heading: string;
  paragraphs: string[];
  /** Bullet points after the paragraphs. */
  list?: string[];
}

export interface DecisionLetter {
  language: LetterLanguage;
  title: string;
  /** The sender, first line of the letter. */
  sender: string;
  header: { label: string; value: string }[];
  sections: LetterSection[];
  closing: string[];
  /** Everything above as plain text, in reading order. */
  text: string;
}

const money = (n: number) =>
  `${Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`;

/** "Bergen" → "Bergen kommune"; a name that already says kommune stays as it is. */
export function municipalityTitle(name: string): string {
  return /kommune$/i.test(name) ? name : `${name} kommune`;
}

/** Section references in the letter's language: nynorsk names the Acts "-lova" and the regulations "-forskrifta". */
export function inLanguage(reference: string, language: LetterLanguage): string {
  if (language === 'NB') return reference;
  return reference
    .replace(/\b(\w+)loven\b/g, '$1lova')
    .replace(/\b(\w+)forskriften\b/g, '$1forskrifta')
    .replace(/\bStatsforvalteren\b/g, 'Statsforvaltaren');
}

type Words = {
  titles: Record<DecisionType, string>;
  date: string;
  decidedAt: string;
  caseworker: string;
  to: string;
  reference: string;
  decisionHeading: string;
  reasonsHeading: string;
  rulesIntro: string;
  factsIntro: string;
  assessmentIntro: string;
  appealHeading: string;
  accessHeading: string;
  questionsHeading: string;
  regards: string;
  caseworkerTitle: string;
  leaveKinds: Record<string, string>;
  subjects: Record<'NORWEGIAN' | 'SOCIAL_STUDIES', string>;
  grounds: Record<'DOCUMENTED_KNOWLEDGE' | 'HEALTH_OR_WEIGHTY_REASONS', string>;
  basis: Record<string, string>;
  statement: (i: DecisionLetterInput, d: (x: IsoDate) => string) => string;
  facts: (i: DecisionLetterInput, d: (x: IsoDate) => string) => string[];
  appeal: (i: DecisionLetterInput, municipality: string, sf: string, d: (x: IsoDate) => string) => string[];
  access: string;
  questions: (caseworker: string, municipality: string) => string;
};

const period = (from: IsoDate, to: IsoDate | null | undefined, d: (x: IsoDate) => string, fromWord: string, untilWord: string) =>
  to ? `${fromWord} ${d(from)} ${untilWord} ${d(to)}` : `${fromWord} ${d(from)}`;

const NB: Words = {
  titles: {
    PARTICIPATION: 'Vedtak om deltakelse i introduksjonsprogram',
    BENEFIT: 'Vedtak om introduksjonsstønad',
    PLAN_SIGNIFICANT_CHANGE: 'Vedtak om vesentlig endring av integreringsplanen',
    HALT: 'Vedtak om stans av introduksjonsprogrammet',
    EXTENSION: 'Vedtak om forlengelse av introduksjonsprogrammet',
    LEAVE: 'Vedtak om permisjon fra introduksjonsprogrammet',
    EXEMPTION: 'Vedtak om fritak fra opplæring i norsk og samfunnskunnskap',
    APPEAL_DISMISSAL: 'Vedtak om avvisning av klage',
  },
  date: 'Dato',
  decidedAt: 'Vedtaksdato',
  caseworker: 'Saksbehandler',
  to: 'Til',
  reference: 'Vår referanse',
  decisionHeading: 'Vedtak',
  reasonsHeading: 'Begrunnelse',
  rulesIntro: 'Vedtaket bygger på disse reglene:',
  factsIntro: 'Vedtaket bygger på disse faktiske forholdene:',
  assessmentIntro: 'Kommunens vurdering:',
  appealHeading: 'Du har rett til å klage',
  accessHeading: 'Du har rett til å se dokumentene i saken',
  questionsHeading: 'Spørsmål',
  regards: 'Med hilsen',
  caseworkerTitle: 'saksbehandler',
  leaveKinds: {
    PREGNANCY_CHECKUP: 'svangerskapskontroll',
    PREGNANCY: 'permisjon i svangerskapet',
    MOTHER_AFTER_BIRTH: 'permisjon for mor etter fødselen',
    FATHER_AT_BIRTH: 'permisjon for far i forbindelse med fødselen',
    CARE_LEAVE: 'omsorgspermisjon',
  },
  subjects: { NORWEGIAN: 'norsk', SOCIAL_STUDIES: 'samfunnskunnskap' },
  grounds: { DOCUMENTED_KNOWLEDGE: 'dokumenterte kunnskaper', HEALTH_OR_WEIGHTY_REASONS: 'helsemessige eller andre tungtveiende årsaker' },
  basis: { RIGHT_AND_DUTY: 'rett og plikt til introduksjonsprogram', DISCRETIONARY: 'tilbud etter kommunens skjønn' },
  statement(i, d) {
    const granted = i.outcome === 'GRANTED';
    const x = i.details;
    switch (i.type) {
      case 'PARTICIPATION':
        if (!granted) return 'Du får ikke tilbud om introduksjonsprogram.';
        return i.basis === 'DISCRETIONARY'
          ? 'Du får tilbud om å delta i introduksjonsprogram. Kommunen gir deg tilbudet etter en skjønnsmessig vurdering (integreringsloven § 8 tredje ledd).'
          : 'Du får tilbud om å delta i introduksjonsprogram. Du har rett og plikt til å delta (integreringsloven § 8).';
      case 'BENEFIT':
        return granted && x.benefit
          ? `Du får introduksjonsstønad ${period(x.benefit.periodFrom, x.benefit.periodTo, d, 'fra', 'til og med')}, ${money(x.benefit.monthlyAmount)} per måned (${money(x.benefit.annualAmount)} per år).`
          : 'Du får ikke introduksjonsstønad slik saken gjelder.';
      case 'PLAN_SIGNIFICANT_CHANGE':
        return granted
          ? 'Integreringsplanen din blir endret vesentlig, slik det går fram av den nye planen.'
          : 'Kommunen gjør ikke den vesentlige endringen i integreringsplanen din.';
      case 'HALT':
        if (!granted) return 'Introduksjonsprogrammet ditt blir ikke stanset.';
        if (x.halt?.kind === 'PERMANENT') return `Introduksjonsprogrammet ditt blir stanset varig fra ${d(x.halt.fromDate)}.`;
        return x.halt
          ? `Introduksjonsprogrammet ditt blir stanset midlertidig ${period(x.halt.fromDate, x.halt.toDate, d, 'fra', 'til og med')}.`
          : 'Introduksjonsprogrammet ditt blir stanset.';
      case 'EXTENSION':
        return granted && x.extension
          ? `Introduksjonsprogrammet ditt blir forlenget med ${x.extension.months} måneder.`
          : 'Introduksjonsprogrammet ditt blir ikke forlenget.';
      case 'LEAVE': {
        const l = x.leave;
        if (!l) return granted ? 'Du får permisjon fra introduksjonsprogrammet.' : 'Du får ikke permisjon fra introduksjonsprogrammet.';
        const what = `${this.leaveKinds[l.kind] ?? l.kind} ${period(l.fromDate, l.toDate, d, 'fra', 'til og med')}`;
        return granted ? `Du får ${what} (${l.workingDays} virkedager), ${l.withBenefit ? 'med' : 'uten'} introduksjonsstønad.` : `Du får ikke ${what}.`;
      }
      case 'EXEMPTION': {
        const subject = x.exemption ? this.subjects[x.exemption.subject] : 'norsk og samfunnskunnskap';
        return granted ? `Du får fritak fra opplæring i ${subject}.` : `Du får ikke fritak fra opplæring i ${subject}.`;
      }
      case 'APPEAL_DISMISSAL':
        return 'Kommunen avviser klagen din fordi vilkårene for å behandle den ikke er oppfylt (forvaltningsloven § 33).';
    }
  },
  facts(i, d) {
    const x = i.details;
    const out = [`Vedtaket ble gjort ${d(i.decidedAt)}.`];
    if (i.advanceNoticeAt) out.push(`Du fikk forhåndsvarsel ${d(i.advanceNoticeAt)} og hadde anledning til å uttale deg (forvaltningsloven § 16).`);
    if (x.eligibility?.basis && this.basis[x.eligibility.basis]) out.push(`Grunnlag: ${this.basis[x.eligibility.basis]}.`);
    for (const u of x.eligibility?.unmet ?? []) out.push(`Vilkår som ikke er oppfylt: ${u.lawReference} (${u.code}).`);
    if (x.benefit) {
      out.push(
        `Grunnbeløpet (G) er ${money(x.benefit.gAmount)} fra ${d(x.benefit.gDate)}.`,
        `Stønaden er ${x.benefit.fractionOfG} G per år; alderen din er ${x.benefit.age} år.`,
        `Stønadsperiode: ${period(x.benefit.periodFrom, x.benefit.periodTo, d, 'fra', 'til og med')}.`,
      );
      const parts = x.benefit.parts ?? [];
      if (parts.length > 1) {
        for (const part of parts) {
          const amount = part.amount === null ? '' : `: ${money(part.amount)}`;
          out.push(
            `Del ${period(part.from, part.to, d, 'fra', 'til og med')}: G ${money(part.gAmount)} (fra ${d(part.gDate)}), ${part.fraction} G per år${amount}.`,
          );
        }
      }
      if (typeof x.benefit.totalAmount === 'number') out.push(`Samlet for perioden: ${money(x.benefit.totalAmount)}.`);
    }
    if (x.halt)
      out.push(
        `Stansen er ${x.halt.kind === 'PERMANENT' ? 'varig' : 'midlertidig'} og gjelder ${period(x.halt.fromDate, x.halt.toDate, d, 'fra', 'til og med')}.`,
      );
    if (x.extension) out.push(`Forlengelsen gjelder ${x.extension.months} måneder.`);
    if (x.leave) out.push(`Permisjonen gjelder ${period(x.leave.fromDate, x.leave.toDate, d, 'fra', 'til og med')}: ${x.leave.workingDays} virkedager.`);
    if (x.exemption) out.push(`Fritaket gjelder opplæring i ${this.subjects[x.exemption.subject]}, på grunn av ${this.grounds[x.exemption.ground]}.`);
    return out;
  },
  appeal(i, municipality, sf, d) {
    return [
      'Du har rett til å klage på vedtaket (forvaltningsloven § 28).',
      'Klagefristen er tre uker fra den dagen du fikk melding om vedtaket (forvaltningsloven § 29). ' +
        (i.appealDeadline
          ? `Klagen må være sendt senest ${d(i.appealDeadline)}.`
          : 'Det er nok at klagen er postlagt eller sendt før fristen går ut (forvaltningsloven § 30).') +
        ' Hvis du ber om en begrunnelse før fristen går ut, får du en ny frist på tre uker fra du har fått begrunnelsen.',
      `Send klagen til ${municipality}. Kommunen vurderer saken på nytt og kan endre vedtaket. Hvis kommunen ikke gir deg medhold, sender den klagen til ${sf}, som avgjør klagen (integreringsloven § 47).`,
      'Klagen må være skriftlig. Skriv hvilket vedtak du klager på, og hvilken endring du ønsker. Du bør begrunne klagen og legge ved det som kan ha betydning for saken. Klagen skal være underskrevet (forvaltningsloven § 32).',
      'Du kan be om at vedtaket ikke blir satt i verk før klagen er avgjort (forvaltningsloven § 42).',
    ];
  },
  access: 'Du har rett til å se dokumentene i saken din, med de unntakene som følger av forvaltningsloven §§ 18 og 19. Kontakt kommunen hvis du vil se dem.',
  questions: (caseworker, municipality) => `Har du spørsmål, kan du kontakte saksbehandleren din, ${caseworker}, i ${municipality}.`,
};

const NN: Words = {
  titles: {
    PARTICIPATION: 'Vedtak om deltaking i introduksjonsprogram',
    BENEFIT: 'Vedtak om introduksjonsstønad',
    PLAN_SIGNIFICANT_CHANGE: 'Vedtak om vesentleg endring av integreringsplanen',
    HALT: 'Vedtak om stans av introduksjonsprogrammet',
    EXTENSION: 'Vedtak om forlenging av introduksjonsprogrammet',
    LEAVE: 'Vedtak om permisjon frå introduksjonsprogrammet',
    EXEMPTION: 'Vedtak om fritak frå opplæring i norsk og samfunnskunnskap',
    APPEAL_DISMISSAL: 'Vedtak om avvising av klage',
  },
  date: 'Dato',
  decidedAt: 'Vedtaksdato',
  caseworker: 'Saksbehandlar',
  to: 'Til',
  reference: 'Vår referanse',
  decisionHeading: 'Vedtak',
  reasonsHeading: 'Grunngjeving',
  rulesIntro: 'Vedtaket byggjer på desse reglane:',
  factsIntro: 'Vedtaket byggjer på desse faktiske tilhøva:',
  assessmentIntro: 'Vurderinga til kommunen:',
  appealHeading: 'Du har rett til å klage',
  accessHeading: 'Du har rett til å sjå dokumenta i saka',
  questionsHeading: 'Spørsmål',
  regards: 'Med helsing',
  caseworkerTitle: 'saksbehandlar',
  leaveKinds: {
    PREGNANCY_CHECKUP: 'svangerskapskontroll',
    PREGNANCY: 'permisjon i svangerskapet',
    MOTHER_AFTER_BIRTH: 'permisjon for mor etter fødselen',
    FATHER_AT_BIRTH: 'permisjon for far i samband med fødselen',
    CARE_LEAVE: 'omsorgspermisjon',
  },
  subjects: { NORWEGIAN: 'norsk', SOCIAL_STUDIES: 'samfunnskunnskap' },
  grounds: { DOCUMENTED_KNOWLEDGE: 'dokumenterte kunnskapar', HEALTH_OR_WEIGHTY_REASONS: 'helsemessige eller andre tungtvegande årsaker' },
  basis: { RIGHT_AND_DUTY: 'rett og plikt til introduksjonsprogram', DISCRETIONARY: 'tilbod etter skjønnet til kommunen' },
  statement(i, d) {
    const granted = i.outcome === 'GRANTED';
    const x = i.details;
    switch (i.type) {
      case 'PARTICIPATION':
        if (!granted) return 'Du får ikkje tilbod om introduksjonsprogram.';
        return i.basis === 'DISCRETIONARY'
          ? 'Du får tilbod om å delta i introduksjonsprogram. Kommunen gir deg tilbodet etter ei skjønnsmessig vurdering (integreringslova § 8 tredje ledd).'
          : 'Du får tilbod om å delta i introduksjonsprogram. Du har rett og plikt til å delta (integreringslova § 8).';
      case 'BENEFIT':
        return granted && x.benefit
          ? `Du får introduksjonsstønad ${period(x.benefit.periodFrom, x.benefit.periodTo, d, 'frå', 'til og med')}, ${money(x.benefit.monthlyAmount)} per månad (${money(x.benefit.annualAmount)} per år).`
          : 'Du får ikkje introduksjonsstønad slik saka gjeld.';
      case 'PLAN_SIGNIFICANT_CHANGE':
        return granted
          ? 'Integreringsplanen din blir endra vesentleg, slik det går fram av den nye planen.'
          : 'Kommunen gjer ikkje den vesentlege endringa i integreringsplanen din.';
      case 'HALT':
        if (!granted) return 'Introduksjonsprogrammet ditt blir ikkje stansa.';
        if (x.halt?.kind === 'PERMANENT') return `Introduksjonsprogrammet ditt blir stansa varig frå ${d(x.halt.fromDate)}.`;
        return x.halt
          ? `Introduksjonsprogrammet ditt blir stansa mellombels ${period(x.halt.fromDate, x.halt.toDate, d, 'frå', 'til og med')}.`
          : 'Introduksjonsprogrammet ditt blir stansa.';
      case 'EXTENSION':
        return granted && x.extension
          ? `Introduksjonsprogrammet ditt blir forlengd med ${x.extension.months} månader.`
          : 'Introduksjonsprogrammet ditt blir ikkje forlengd.';
      case 'LEAVE': {
        const l = x.leave;
        if (!l) return granted ? 'Du får permisjon frå introduksjonsprogrammet.' : 'Du får ikkje permisjon frå introduksjonsprogrammet.';
        const what = `${this.leaveKinds[l.kind] ?? l.kind} ${period(l.fromDate, l.toDate, d, 'frå', 'til og med')}`;
        return granted ? `Du får ${what} (${l.workingDays} vyrkedagar), ${l.withBenefit ? 'med' : 'utan'} introduksjonsstønad.` : `Du får ikkje ${what}.`;
      }
      case 'EXEMPTION': {
        const subject = x.exemption ? this.subjects[x.exemption.subject] : 'norsk og samfunnskunnskap';
        return granted ? `Du får fritak frå opplæring i ${subject}.` : `Du får ikkje fritak frå opplæring i ${subject}.`;
      }
      case 'APPEAL_DISMISSAL':
        return 'Kommunen avviser klaga di fordi vilkåra for å behandle ho ikkje er oppfylte (forvaltningslova § 33).';
    }
  },
  facts(i, d) {
    const x = i.details;
    const out = [`Vedtaket vart gjort ${d(i.decidedAt)}.`];
    if (i.advanceNoticeAt) out.push(`Du fekk førehandsvarsel ${d(i.advanceNoticeAt)} og hadde høve til å uttale deg (forvaltningslova § 16).`);
    if (x.eligibility?.basis && this.basis[x.eligibility.basis]) out.push(`Grunnlag: ${this.basis[x.eligibility.basis]}.`);
    for (const u of x.eligibility?.unmet ?? []) out.push(`Vilkår som ikkje er oppfylte: ${inLanguage(u.lawReference, 'NN')} (${u.code}).`);
    if (x.benefit) {
      out.push(
        `Grunnbeløpet (G) er ${money(x.benefit.gAmount)} frå ${d(x.benefit.gDate)}.`,
        `Stønaden er ${x.benefit.fractionOfG} G per år; alderen din er ${x.benefit.age} år.`,
        `Stønadsperiode: ${period(x.benefit.periodFrom, x.benefit.periodTo, d, 'frå', 'til og med')}.`,
      );
      const parts = x.benefit.parts ?? [];
      if (parts.length > 1) {
        for (const part of parts) {
          const amount = part.amount === null ? '' : `: ${money(part.amount)}`;
          out.push(
            `Del ${period(part.from, part.to, d, 'frå', 'til og med')}: G ${money(part.gAmount)} (frå ${d(part.gDate)}), ${part.fraction} G per år${amount}.`,
          );
        }
      }
      if (typeof x.benefit.totalAmount === 'number') out.push(`Samla for perioden: ${money(x.benefit.totalAmount)}.`);
    }
    if (x.halt)
      out.push(
        `Stansen er ${x.halt.kind === 'PERMANENT' ? 'varig' : 'mellombels'} og gjeld ${period(x.halt.fromDate, x.halt.toDate, d, 'frå', 'til og med')}.`,
      );
    if (x.extension) out.push(`Forlenginga gjeld ${x.extension.months} månader.`);
    if (x.leave) out.push(`Permisjonen gjeld ${period(x.leave.fromDate, x.leave.toDate, d, 'frå', 'til og med')}: ${x.leave.workingDays} vyrkedagar.`);
    if (x.exemption) out.push(`Fritaket gjeld opplæring i ${this.subjects[x.exemption.subject]}, på grunn av ${this.grounds[x.exemption.ground]}.`);
    return out;
  },
  appeal(i, municipality, sf, d) {
    return [
      'Du har rett til å klage på vedtaket (forvaltningslova § 28).',
      'Klagefristen er tre veker frå den dagen du fekk melding om vedtaket (forvaltningslova § 29). ' +
        (i.appealDeadline
          ? `Klaga må vere send seinast ${d(i.appealDeadline)}.`
          : 'Det er nok at klaga er postlagd eller send før fristen går ut (forvaltningslova § 30).') +
        ' Dersom du ber om ei grunngjeving før fristen går ut, får du ein ny frist på tre veker frå du har fått grunngjevinga.',
      `Send klaga til ${municipality}. Kommunen vurderer saka på nytt og kan endre vedtaket. Dersom kommunen ikkje gir deg medhald, sender kommunen klaga til ${sf}, som avgjer klaga (integreringslova § 47).`,
      'Klaga må vere skriftleg. Skriv kva vedtak du klagar på, og kva endring du ønskjer. Du bør grunngje klaga og leggje ved det som kan ha betydning for saka. Klaga skal vere underskriven (forvaltningslova § 32).',
      'Du kan be om at vedtaket ikkje blir sett i verk før klaga er avgjord (forvaltningslova § 42).',
    ];
  },
  access: 'Du har rett til å sjå dokumenta i saka di, med dei unntaka som følgjer av forvaltningslova §§ 18 og 19. Kontakt kommunen dersom du vil sjå dei.',
  questions: (caseworker, municipality) => `Har du spørsmål, kan du kontakte saksbehandlaren din, ${caseworker}, i ${municipality}.`,
};

const WORDS: Record<LetterLanguage, Words> = { NB, NN };

// forvaltningsloven §§ 24–27: the written decision with its reasons (rules, facts, assessment) and
// the notice of the right to appeal (deadline, where, how), to see the documents and to ask for deferral.
export function buildDecisionLetter(input: DecisionLetterInput, language: LetterLanguage): DecisionLetter {
  if (!input.reasons.trim()) {
    throw new RuleViolation('R-8.2', LAW['R-8.2'], 'A decision letter needs the reasons the decision rests on (forvaltningsloven §§ 24–25).', {});
  }
  if (input.appealDeadline && compareDates(input.appealDeadline, input.decidedAt) < 0) {
    throw new RuleViolation('R-8.3', LAW['R-8.3'], 'The appeal deadline cannot be before the decision.', {
      decidedAt: input.decidedAt,
      appealDeadline: input.appealDeadline,
    });
  }
  const w = WORDS[language];
  const d = formatDateNb; // the month names are the same in bokmål and nynorsk
  const municipality = municipalityTitle(input.municipalityName);
  const sf = inLanguage(input.statsforvalterName, language);
  const header = [
    { label: w.date, value: d(input.letterDate) },
    { label: w.decidedAt, value: d(input.decidedAt) },
    { label: w.caseworker, value: input.caseworkerName },
    { label: w.reference, value: input.reference },
    { label: w.to, value: input.participantName },
  ];
  const sections: LetterSection[] = [
    { heading: w.decisionHeading, paragraphs: [w.statement(input, d)] },
    {
      heading: w.reasonsHeading,
      paragraphs: [w.rulesIntro],
      list: input.legalBasis.map((r) => inLanguage(r, language)),
    },
    { heading: '', paragraphs: [w.factsIntro], list: w.facts(input, d) },
    { heading: '', paragraphs: [w.assessmentIntro, input.reasons.trim()] },
    { heading: w.appealHeading, paragraphs: w.appeal(input, municipality, sf, d) },
    { heading: w.accessHeading, paragraphs: [w.access] },
    { heading: w.questionsHeading, paragraphs: [w.questions(input.caseworkerName, municipality)] },
  ];
  const closing = [w.regards, input.caseworkerName, w.caseworkerTitle, municipality];
  const title = w.titles[input.type];
  const text = [
    municipality,
    ...header.map((h) => `${h.label}: ${h.value}`),
    '',
    title,
    ...sections.flatMap((s) => [...(s.heading ? ['', s.heading] : []), ...s.paragraphs, ...(s.list ?? []).map((l) => `– ${l}`)]),
    '',
    ...closing,
  ].join('\n');
  return { language, title, sender: municipality, header, sections, closing, text };
}
