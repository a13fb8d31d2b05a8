/**
 * The violations' messages in bokmål, nynorsk and English (issue 17, item 4), keyed by the stable code.
 *
 * Why here and not in src/domain: the domain stays language-free and pure, its rules keep their English text
 * (the unit tests assert it, and the English carries the values), and the language is a property of the HTTP
 * request (Accept-Language). So the edge owns the wording: each code has a generic text in the three languages,
 * and `patterns` that recognise one English message of the domain or the validation layer and rewrite it with
 * its values kept ($1, $2 … are the English message's captures: dates, numbers, field names, enum values).
 * A pattern may be limited to one ruleId where the same code means different things.
 *
 * Generic texts may use {path}, {ruleId} and {lawReference}. English keeps the domain's own message when one
 * is given (it is the more precise), so a pattern needs no `en`.
 */
export type Language = 'nb' | 'nn' | 'en';
export type Texts = Record<Language, string>;

export interface MessagePattern {
  /** Matches the whole English message; captures the values to keep. */
  match: RegExp;
  ruleId?: string;
  nb: string;
  nn: string;
}

export interface MessageEntry {
  generic: Texts;
  patterns?: MessagePattern[];
}

const EACH = '(?:each value in )?';
/** class-validator's default message for a constraint, `$property` and the constraint values captured. */
const cv = (text: string): RegExp => new RegExp(`^${EACH}(\\S+) ${text}$`);

export const MESSAGES: Record<string, MessageEntry> = {
  // ——— class-validator constraints (src/graphql/errors.ts constraintCode: maxLength → MAX_LENGTH) ———
  MAX_LENGTH: {
    generic: { nb: 'Verdien er for lang.', nn: 'Verdien er for lang.', en: 'The value is too long.' },
    patterns: [{ match: cv('must be shorter than or equal to (\\d+) characters'), nb: '$1 kan ha høyst $2 tegn.', nn: '$1 kan ha høgst $2 teikn.' }],
  },
  MIN_LENGTH: {
    generic: { nb: 'Verdien er for kort.', nn: 'Verdien er for kort.', en: 'The value is too short.' },
    patterns: [{ match: cv('must be longer than or equal to (\\d+) characters'), nb: '$1 må ha minst $2 tegn.', nn: '$1 må ha minst $2 teikn.' }],
  },
  IS_LENGTH: {
    generic: { nb: 'Verdien har feil lengde.', nn: 'Verdien har feil lengd.', en: 'The value has the wrong length.' },
    patterns: [
      { match: cv('must be longer than or equal to (\\d+) characters'), nb: '$1 må ha minst $2 tegn.', nn: '$1 må ha minst $2 teikn.' },
      { match: cv('must be shorter than or equal to (\\d+) characters'), nb: '$1 kan ha høyst $2 tegn.', nn: '$1 kan ha høgst $2 teikn.' },
      {
        match: cv('must be longer than or equal to (\\d+) and shorter than or equal to (\\d+) characters'),
        nb: '$1 må ha fra $2 til $3 tegn.',
        nn: '$1 må ha frå $2 til $3 teikn.',
      },
    ],
  },
  MIN: {
    generic: { nb: 'Verdien er for liten.', nn: 'Verdien er for lita.', en: 'The value is too small.' },
    patterns: [{ match: cv('must not be less than (-?[\\d.]+)'), nb: '$1 kan ikke være mindre enn $2.', nn: '$1 kan ikkje vere mindre enn $2.' }],
  },
  MAX: {
    generic: { nb: 'Verdien er for stor.', nn: 'Verdien er for stor.', en: 'The value is too large.' },
    patterns: [{ match: cv('must not be greater than (-?[\\d.]+)'), nb: '$1 kan ikke være større enn $2.', nn: '$1 kan ikkje vere større enn $2.' }],
  },
  IS_IN: {
    generic: { nb: 'Verdien er ikke en av de tillatte.', nn: 'Verdien er ikkje ein av dei tillatne.', en: 'The value is not one of those allowed.' },
    patterns: [
      { match: cv('must be one of the following values: (.*)'), nb: '$1 må være en av disse verdiene: $2', nn: '$1 må vere ein av desse verdiane: $2' },
    ],
  },
  MATCHES: {
    generic: {
      nb: 'Verdien har ugyldige tegn eller feil form.',
      nn: 'Verdien har ugyldige teikn eller feil form.',
      en: 'The value has invalid characters or the wrong form.',
    },
    patterns: [
      { match: /^(\S+) contains control characters$/, nb: '$1 inneholder kontrolltegn.', nn: '$1 inneheld kontrollteikn.' },
      {
        match: /^(\S*[iI]dentityNumber) must be 11 digits$/,
        nb: '$1 (fødselsnummer eller D-nummer) må ha 11 sifre.',
        nn: '$1 (fødselsnummer eller D-nummer) må ha 11 siffer.',
      },
      { match: /^(\S+) must be four digits$/, nb: '$1 (kommunenummer) må ha fire sifre.', nn: '$1 (kommunenummer) må ha fire siffer.' },
      {
        match: /^idempotencyKey may hold letters, digits and _ \. : - only$/,
        nb: 'idempotencyKey kan bare inneholde bokstaver, sifre og _ . : -',
        nn: 'idempotencyKey kan berre innehalde bokstavar, siffer og _ . : -',
      },
      { match: cv('must match (.+) regular expression'), nb: '$1 har feil form (må samsvare med $2).', nn: '$1 har feil form (må samsvare med $2).' },
    ],
  },
  IS_INT: {
    generic: { nb: 'Verdien må være et heltall.', nn: 'Verdien må vere eit heiltal.', en: 'The value must be a whole number.' },
    patterns: [{ match: cv('must be an integer number'), nb: '$1 må være et heltall.', nn: '$1 må vere eit heiltal.' }],
  },
  IS_NUMBER: {
    generic: { nb: 'Verdien må være et tall.', nn: 'Verdien må vere eit tal.', en: 'The value must be a number.' },
    patterns: [{ match: cv('must be a number conforming to the specified constraints'), nb: '$1 må være et gyldig tall.', nn: '$1 må vere eit gyldig tal.' }],
  },
  IS_STRING: {
    generic: { nb: 'Verdien må være tekst.', nn: 'Verdien må vere tekst.', en: 'The value must be text.' },
    patterns: [{ match: cv('must be a string'), nb: '$1 må være tekst.', nn: '$1 må vere tekst.' }],
  },
  IS_BOOLEAN: {
    generic: { nb: 'Verdien må være sann eller usann.', nn: 'Verdien må vere sann eller usann.', en: 'The value must be true or false.' },
    patterns: [{ match: cv('must be a boolean value'), nb: '$1 må være true eller false.', nn: '$1 må vere true eller false.' }],
  },
  ARRAY_MAX_SIZE: {
    generic: { nb: 'Listen har for mange elementer.', nn: 'Lista har for mange element.', en: 'The list has too many items.' },
    patterns: [{ match: cv('must contain no more than (\\d+) elements'), nb: '$1 kan ha høyst $2 elementer.', nn: '$1 kan ha høgst $2 element.' }],
  },
  NESTED_VALIDATION: {
    generic: {
      nb: 'Verdien må være et objekt eller en liste.',
      nn: 'Verdien må vere eit objekt eller ei liste.',
      en: 'The value must be an object or a list.',
    },
    patterns: [
      {
        match: /^nested property (\S+) must be either object or array$/,
        nb: '$1 må være et objekt eller en liste.',
        nn: '$1 må vere eit objekt eller ei liste.',
      },
    ],
  },
  IS_OPTIONAL: {
    generic: { nb: 'Verdien er ugyldig.', nn: 'Verdien er ugyldig.', en: 'The value is invalid.' },
  },

  // ——— GraphQL's own coercion of variables and literals ———
  INVALID_VALUE: {
    generic: { nb: 'Verdien er ugyldig for denne typen.', nn: 'Verdien er ugyldig for denne typen.', en: 'The value is not valid for its type.' },
    patterns: [
      { match: /^.*; Value (".*") does not exist in "(\w+)" enum\.$/, nb: 'Verdien $1 finnes ikke i $2.', nn: 'Verdien $1 finst ikkje i $2.' },
      {
        match: /^.*LocalDate must be a calendar date YYYY-MM-DD$/,
        nb: 'LocalDate må være en kalenderdato ÅÅÅÅ-MM-DD.',
        nn: 'LocalDate må vere ein kalenderdato ÅÅÅÅ-MM-DD.',
      },
      { match: /^.*LocalDate must be a string YYYY-MM-DD$/, nb: 'LocalDate må være en tekst ÅÅÅÅ-MM-DD.', nn: 'LocalDate må vere ein tekst ÅÅÅÅ-MM-DD.' },
      { match: /^.*Expected an id \(UUID\)$/, nb: 'Forventet en id (UUID).', nn: 'Venta ein id (UUID).' },
      {
        match: /^.*; (\w+) cannot represent non-integer value: (.+)$/,
        nb: '$1 kan ikke representere en verdi som ikke er et heltall: $2',
        nn: '$1 kan ikkje representere ein verdi som ikkje er eit heiltal: $2',
      },
      {
        match: /^.*; (\w+) cannot represent a non (?:string|boolean|numeric) value: (.+)$/,
        nb: '$1 kan ikke representere verdien $2.',
        nn: '$1 kan ikkje representere verdien $2.',
      },
      { match: /^.*; Field "(\w+)" is not defined by type "(\w+)"\.$/, nb: 'Feltet «$1» finnes ikke i typen $2.', nn: 'Feltet «$1» finst ikkje i typen $2.' },
      {
        match: /^.*; Field "(\w+)" of required type "(.+)" was not provided\.$/,
        nb: 'Feltet «$1» av påkrevd type $2 mangler.',
        nn: 'Feltet «$1» av påkravd type $2 manglar.',
      },
      {
        match: /^Variable "\$(\w+)" of required type "(.+)" was not provided\.$/,
        nb: 'Variabelen «$1» av påkrevd type $2 mangler.',
        nn: 'Variabelen «$1» av påkravd type $2 manglar.',
      },
      {
        match: /^Variable "\$(\w+)" of non-null type "(.+)" must not be null\.$/,
        nb: 'Variabelen «$1» av typen $2 kan ikke være null.',
        nn: 'Variabelen «$1» av typen $2 kan ikkje vere null.',
      },
      { match: /^.*; Expected non-nullable type "(.+)" not to be null\.$/, nb: 'Typen $1 kan ikke være null.', nn: 'Typen $1 kan ikkje vere null.' },
    ],
  },

  // ——— the case logic's InvalidInputError (src/domain/errors.ts), and coercion of a named field ———
  INVALID: {
    generic: { nb: 'Ugyldig verdi for {path}.', nn: 'Ugyldig verdi for {path}.', en: 'Invalid value for {path}.' },
    patterns: [
      // identity numbers (R-11.1): the reason from src/domain/identity-number.ts
      ...[
        ['must contain digits only', 'kan bare inneholde sifre', 'kan berre innehalde siffer'],
        ['must be exactly 11 digits', 'må ha nøyaktig 11 sifre', 'må ha nøyaktig 11 siffer'],
        ['first check digit \\(K1\\) is wrong', 'første kontrollsiffer (K1) er feil', 'første kontrollsiffer (K1) er feil'],
        ['second check digit \\(K2\\) is wrong', 'andre kontrollsiffer (K2) er feil', 'andre kontrollsiffer (K2) er feil'],
        [
          'H-numbers \\(help numbers\\) are not accepted in case data',
          'H-nummer (hjelpenummer) godtas ikke i saksopplysninger',
          'H-nummer (hjelpenummer) vert ikkje godtekne i saksopplysningar',
        ],
        [
          'individual number does not match any birth century',
          'individnummeret passer ikke med noe fødselsårhundre',
          'individnummeret passar ikkje med noko fødselshundreår',
        ],
        ['the encoded birth date does not exist', 'fødselsdatoen i nummeret finnes ikke', 'fødselsdatoen i nummeret finst ikkje'],
      ].map(([en, nb, nn]) => ({
        match: new RegExp(`^(\\S+) is not a valid fødselsnummer or D-number: ${en}$`),
        nb: `$1 er ikke et gyldig fødselsnummer eller D-nummer: ${nb}.`,
        nn: `$1 er ikkje eit gyldig fødselsnummer eller D-nummer: ${nn}.`,
      })),
      {
        match: /^(\S+) is not a valid fødselsnummer or D-number: (.+)$/,
        nb: '$1 er ikke et gyldig fødselsnummer eller D-nummer.',
        nn: '$1 er ikkje eit gyldig fødselsnummer eller D-nummer.',
      },
      {
        match: /^birthDate does not match the identity number$/,
        nb: 'birthDate (fødselsdato) stemmer ikke med fødselsnummeret.',
        nn: 'birthDate (fødselsdato) stemmer ikkje med fødselsnummeret.',
      },
      { match: /^(\S+) is before (\S+)$/, nb: '$1 er før $2.', nn: '$1 er før $2.' },
      { match: /^(\S+) is in the future$/, nb: '$1 er fram i tid.', nn: '$1 er fram i tid.' },
      { match: /^(\S+) must not be blank$/, nb: '$1 kan ikke være tom.', nn: '$1 kan ikkje vere tom.' },
      { match: /^(\S+) is not valid JSON$/, nb: '$1 er ikke gyldig JSON.', nn: '$1 er ikkje gyldig JSON.' },
      { match: /^a child is born before the participant$/, nb: 'Et barn er født før deltakeren.', nn: 'Eit barn er fødd før deltakaren.' },
      {
        match: /^Unknown cursor: use the endCursor of a previous page with the same orderBy$/,
        nb: 'Ukjent markør: bruk endCursor fra en tidligere side med samme orderBy.',
        nn: 'Ukjend markør: bruk endCursor frå ei tidlegare side med same orderBy.',
      },
      {
        match: /^Unknown cursor: use a cursor of a previous page$/,
        nb: 'Ukjent markør: bruk en markør fra en tidligere side.',
        nn: 'Ukjend markør: bruk ein markør frå ei tidlegare side.',
      },
      {
        match: /^Unknown cursor: use the endCursor of a previous page$/,
        nb: 'Ukjent markør: bruk endCursor fra en tidligere side.',
        nn: 'Ukjend markør: bruk endCursor frå ei tidlegare side.',
      },
      {
        match: /^Unknown cursor: use a cursor of a previous page with the same direction$/,
        nb: 'Ukjent markør: bruk en markør fra en tidligere side med samme direction.',
        nn: 'Ukjend markør: bruk ein markør frå ei tidlegare side med same direction.',
      },
      {
        match: /^Unknown cursor: use a cursor of a previous page with the same orderBy and direction$/,
        nb: 'Ukjent markør: bruk en markør fra en tidligere side med samme orderBy og direction.',
        nn: 'Ukjend markør: bruk ein markør frå ei tidlegare side med same orderBy og direction.',
      },
      // paging arguments (src/graphql/pagination.ts pageWindow)
      {
        match: /^Give first \(page forward\) or last \(page backward\), not both$/,
        nb: 'Oppgi first (bla framover) eller last (bla bakover), ikke begge.',
        nn: 'Oppgi first (bla framover) eller last (bla bakover), ikkje begge.',
      },
      {
        match: /^Give after \(page forward\) or before \(page backward\), not both$/,
        nb: 'Oppgi after (bla framover) eller before (bla bakover), ikke begge.',
        nn: 'Oppgi after (bla framover) eller before (bla bakover), ikkje begge.',
      },
      {
        match: /^before pages backward: give last with it, not first$/,
        nb: 'before blar bakover: oppgi last sammen med before, ikke first.',
        nn: 'before blar bakover: oppgi last saman med before, ikkje first.',
      },
      {
        match: /^last pages backward: give before with it, not after$/,
        nb: 'last blar bakover: oppgi before sammen med last, ikke after.',
        nn: 'last blar bakover: oppgi before saman med last, ikkje after.',
      },
      { match: /^Unknown municipality number$/, nb: 'Ukjent kommunenummer.', nn: 'Ukjent kommunenummer.' },
      { match: /^Unknown Statsforvalter office$/, nb: 'Ukjent embete hos Statsforvalteren.', nn: 'Ukjent embete hos Statsforvaltaren.' },
      {
        match: /^A municipality exports its own appeals only$/,
        nb: 'En kommune kan bare eksportere sine egne klager.',
        nn: 'Ein kommune kan berre eksportere sine eigne klager.',
      },
      {
        match: /^toMunicipality must be a 4-digit municipality number$/,
        nb: 'toMunicipality må være et firesifret kommunenummer.',
        nn: 'toMunicipality må vere eit firesifra kommunenummer.',
      },
      { match: /^The case is already in this municipality$/, nb: 'Saken er allerede i denne kommunen.', nn: 'Saka er allereie i denne kommunen.' },
      {
        match: /^lang must be nb \(bokmål\) or nn \(nynorsk\)$/,
        nb: 'lang må være nb (bokmål) eller nn (nynorsk).',
        nn: 'lang må vere nb (bokmål) eller nn (nynorsk).',
      },
      { match: /^orderBy must be one of (.+)$/, nb: 'orderBy må være en av $1.', nn: 'orderBy må vere ein av $1.' },
      { match: /^Not a date$/, nb: 'Ikke en dato.', nn: 'Ikkje ein dato.' },
      { match: /^heldAt is before the referral was made$/, nb: 'heldAt er før henvisningen ble gjort.', nn: 'heldAt er før tilvisinga vart gjord.' },
      {
        match: /^decidedAt is before the appeal was forwarded$/,
        nb: 'decidedAt er før klagen ble sendt til Statsforvalteren.',
        nn: 'decidedAt er før klaga vart send til Statsforvaltaren.',
      },
      {
        match: /^Only CHANGED and QUASHED_AND_RETURNED can be partial$/,
        nb: 'Bare CHANGED (endret) og QUASHED_AND_RETURNED (opphevet og sendt tilbake) kan være delvis.',
        nn: 'Berre CHANGED (endra) og QUASHED_AND_RETURNED (oppheva og send tilbake) kan vere delvis.',
      },
      {
        match: /^Only a CHANGED decision can be changed to the appellant's detriment$/,
        nb: 'Bare et endret (CHANGED) vedtak kan endres til skade for klageren.',
        nn: 'Berre eit endra (CHANGED) vedtak kan endrast til skade for klagaren.',
      },
      {
        match: /^A detriment notice belongs to a change to the appellant's detriment$/,
        nb: 'Varsel om endring til skade hører til en endring til skade for klageren.',
        nn: 'Varsel om endring til skade høyrer til ei endring til skade for klagaren.',
      },
      {
        match: /^The detriment notice is sent after the appeal was received and by the decision$/,
        nb: 'Varselet om endring til skade sendes etter at klagen kom inn, og senest samme dag som vedtaket.',
        nn: 'Varselet om endring til skade vert sendt etter at klaga kom inn, og seinast same dag som vedtaket.',
      },
      {
        match: /^The statement was copied to the participant before the appeal was received$/,
        nb: 'Uttalelsen ble kopiert til deltakeren før klagen kom inn.',
        nn: 'Fråsegna vart kopiert til deltakaren før klaga kom inn.',
      },
      {
        match: /^A reversal is a new (\S+) decision, like the appealed one$/,
        nb: 'En omgjøring er et nytt $1-vedtak, som det påklagede.',
        nn: 'Ei omgjering er eit nytt $1-vedtak, som det påklaga.',
      },
      {
        match: /^The new decision is dated before the appeal was received$/,
        nb: 'Det nye vedtaket er datert før klagen kom inn.',
        nn: 'Det nye vedtaket er datert før klaga kom inn.',
      },
      {
        match: /^The appeal is in time: there is no late ground to record$/,
        nb: 'Klagen er kommet inn innen klagefristen: det er ingen grunn for oversittelse å registrere.',
        nn: 'Klaga er komen inn innan klagefristen: det er ingen grunn for oversitjing å registrere.',
      },
      { match: /^The appeal is already with this office$/, nb: 'Klagen ligger allerede hos dette embetet.', nn: 'Klaga ligg allereie hos dette embetet.' },
      {
        match: /^The follow-up is a new decision, not the appealed one$/,
        nb: 'Oppfølgingen er et nytt vedtak, ikke det påklagede.',
        nn: 'Oppfølginga er eit nytt vedtak, ikkje det påklaga.',
      },
      {
        match: /^The follow-up decision must be on the appellant's case$/,
        nb: 'Oppfølgingsvedtaket må gjelde klagerens sak.',
        nn: 'Oppfølgingsvedtaket må gjelde saka til klagaren.',
      },
      {
        match: /^The follow-up decision must be a (\S+) decision, like the appealed one$/,
        nb: 'Oppfølgingsvedtaket må være et $1-vedtak, som det påklagede.',
        nn: 'Oppfølgingsvedtaket må vere eit $1-vedtak, som det påklaga.',
      },
      {
        match: /^The follow-up decision was made before Statsforvalteren's decision$/,
        nb: 'Oppfølgingsvedtaket ble fattet før Statsforvalterens vedtak.',
        nn: 'Oppfølgingsvedtaket vart gjort før vedtaket til Statsforvaltaren.',
      },
      {
        match: /^Closing an appeal under review means it was withdrawn: say so in the note$/,
        nb: 'Å avslutte en klage under behandling betyr at den er trukket: skriv det i merknaden.',
        nn: 'Å avslutte ei klage under handsaming tyder at ho er trekt: skriv det i merknaden.',
      },
      {
        match: /^Closing an appeal before it was decided means it was withdrawn: say so in the note$/,
        nb: 'Å avslutte en klage før den er avgjort betyr at den er trukket: skriv det i merknaden.',
        nn: 'Å avslutte ei klage før ho er avgjord tyder at ho er trekt: skriv det i merknaden.',
      },
      { match: /^A (\S+) decision needs the (\S+) block$/, nb: 'Et $1-vedtak må ha blokken $2.', nn: 'Eit $1-vedtak må ha blokka $2.' },
      {
        match: /^An APPEAL_DISMISSAL decision is made by dismissing the appeal \(dismissAppeal\)$/,
        nb: 'Et vedtak om avvisning av klage (APPEAL_DISMISSAL) fattes ved å avvise klagen (dismissAppeal).',
        nn: 'Eit vedtak om avvising av klage (APPEAL_DISMISSAL) vert gjort ved å avvise klaga (dismissAppeal).',
      },
      {
        match: /^The benefit period ends before it starts: periodTo must be on or after periodFrom$/,
        nb: 'Perioden for introduksjonsstønad slutter før den begynner: periodTo må være samme dag som eller etter periodFrom.',
        nn: 'Perioden for introduksjonsstønad sluttar før han byrjar: periodTo må vere same dag som eller etter periodFrom.',
      },
      { match: /^notifiedAt is before the decision was made$/, nb: 'notifiedAt er før vedtaket ble fattet.', nn: 'notifiedAt er før vedtaket vart gjort.' },
      {
        match: /^Leave is granted by a LEAVE decision \(R-6\.3\), not registered as absence$/,
        nb: 'Permisjon innvilges ved et LEAVE-vedtak (R-6.3), ikke registrert som fravær.',
        nn: 'Permisjon vert innvilga ved eit LEAVE-vedtak (R-6.3), ikkje registrert som fråvær.',
      },
      {
        match: /^Care leave needs the child's identity number \(R-13\.6: the leave belongs to the child\)$/,
        nb: 'Omsorgspermisjon krever barnets fødselsnummer eller D-nummer (R-13.6: permisjonen hører til barnet).',
        nn: 'Omsorgspermisjon krev fødselsnummeret eller D-nummeret til barnet (R-13.6: permisjonen høyrer til barnet).',
      },
      { match: /^(\S+) is the participant's own number$/, nb: '$1 er deltakerens eget nummer.', nn: '$1 er nummeret til deltakaren sjølv.' },
      { match: /^The reason is empty$/, nb: 'Begrunnelsen er tom.', nn: 'Grunngivinga er tom.' },
      { match: /^Say why the absence is cancelled$/, nb: 'Oppgi hvorfor fraværet slettes.', nn: 'Oppgi kvifor fråværet vert sletta.' },
      {
        match: /^The career guidance is about another participant than the plan$/,
        nb: 'Karriereveiledningen gjelder en annen deltaker enn integreringsplanen.',
        nn: 'Karriererettleiinga gjeld ein annan deltakar enn integreringsplanen.',
      },
    ],
  },

  // ——— a required part missing (R-4.1 the integration plan's content, R-5.3 the programme's content) ———
  MISSING: {
    generic: {
      nb: 'Påkrevd innhold mangler ({ruleId}, {lawReference}).',
      nn: 'Påkravd innhald manglar ({ruleId}, {lawReference}).',
      en: 'Required content is missing ({ruleId}, {lawReference}).',
    },
    patterns: [
      { match: /^\(a\) The end goal \(sluttmål\) is missing\.$/, nb: '(a) Sluttmålet mangler.', nn: '(a) Sluttmålet manglar.' },
      {
        match: /^\(b\) The Norwegian goal for (\S+) must be a CEFR level \(A1–C2\)\.$/,
        nb: '(b) Norskmålet for $1 må være et CEFR-nivå (A1–C2).',
        nn: '(b) Norskmålet for $1 må vere eit CEFR-nivå (A1–C2).',
      },
      {
        match: /^\(c\) The participant's long-term goal is missing\.$/,
        nb: '(c) Deltakerens langsiktige mål mangler.',
        nn: '(c) Det langsiktige målet til deltakaren manglar.',
      },
      {
        match: /^\(d\) The amount of Norwegian training \(hours per week\) is missing\.$/,
        nb: '(d) Omfanget av opplæring i norsk (timer per uke) mangler.',
        nn: '(d) Omfanget av opplæring i norsk (timar per veke) manglar.',
      },
      {
        match: /^\(d\) The amount of social-studies training \(hours\) is missing\.$/,
        nb: '(d) Omfanget av opplæring i samfunnskunnskap (timer) mangler.',
        nn: '(d) Omfanget av opplæring i samfunnskunnskap (timar) manglar.',
      },
      {
        match: /^\(e\) The programme duration \(whole months, at least 1\) is missing\.$/,
        nb: '(e) Varigheten av introduksjonsprogrammet (hele måneder, minst 1) mangler.',
        nn: '(e) Varigheita av introduksjonsprogrammet (heile månader, minst 1) manglar.',
      },
      { match: /^\(f\) The plan has no programme elements\.$/, nb: '(f) Planen har ingen programelementer.', nn: '(f) Planen har ingen programelement.' },
      { match: /^\(f\) Element (\d+) has no valid kind\.$/, nb: '(f) Element $1 har ingen gyldig type.', nn: '(f) Element $1 har ingen gyldig type.' },
      { match: /^\(f\) Element (\d+) has no description\.$/, nb: '(f) Element $1 har ingen beskrivelse.', nn: '(f) Element $1 har inga skildring.' },
      {
        match: /^\(f\) Element (\d+) has invalid hours per week\.$/,
        nb: '(f) Element $1 har ugyldig antall timer per uke.',
        nn: '(f) Element $1 har ugyldig tal timar per veke.',
      },
      {
        match: /^\(g\) Information on how to appeal is missing\.$/,
        nb: '(g) Informasjon om klageadgang mangler.',
        nn: '(g) Informasjon om klagetilgang manglar.',
      },
      {
        match: /^The reasons why the chosen work- or education-oriented elements help the participant are missing\.$/,
        nb: 'Begrunnelsen for hvorfor de valgte arbeids- eller utdanningsrettede elementene hjelper deltakeren, mangler.',
        nn: 'Grunngivinga for kvifor dei valde arbeids- eller utdanningsretta elementa hjelper deltakaren, manglar.',
      },
      // R-5.3: the required element kinds (src/domain/programme-content.ts)
      { match: /^NORWEGIAN$/, nb: 'Opplæring i norsk mangler.', nn: 'Opplæring i norsk manglar.' },
      { match: /^SOCIAL_STUDIES$/, nb: 'Opplæring i samfunnskunnskap mangler.', nn: 'Opplæring i samfunnskunnskap manglar.' },
      { match: /^LIFE_SKILLS$/, nb: 'Kurs i livsmestring mangler.', nn: 'Kurs i livsmeistring manglar.' },
      { match: /^PARENTAL_GUIDANCE$/, nb: 'Foreldreveiledning mangler.', nn: 'Foreldrerettleiing manglar.' },
      {
        match: /^WORK_OR_EDUCATION_ORIENTED$/,
        nb: 'Arbeids- eller utdanningsrettede elementer mangler.',
        nn: 'Arbeids- eller utdanningsretta element manglar.',
      },
    ],
  },
};

/** An unmet eligibility condition (src/domain/eligibility.ts UNMET_CONDITION_CODES): its code is the violation's code. */
const UNMET: Record<string, MessageEntry> = {
  AGE_BELOW_18: {
    generic: {
      nb: 'Under 18 år på datoen oppholdstillatelsen ble gitt: rett og plikt til introduksjonsprogram begynner ved 18 år.',
      nn: 'Under 18 år på datoen opphaldsløyvet vart gitt: rett og plikt til introduksjonsprogram byrjar ved 18 år.',
      en: 'Under 18 on the permit grant date: right and duty starts at 18.',
    },
    patterns: [
      {
        match: /^Was (\d+) on the permit grant date; right and duty starts at 18 on that date\.$/,
        nb: 'Var $1 år på datoen oppholdstillatelsen ble gitt; rett og plikt til introduksjonsprogram begynner ved 18 år på den datoen.',
        nn: 'Var $1 år på datoen opphaldsløyvet vart gitt; rett og plikt til introduksjonsprogram byrjar ved 18 år på den datoen.',
      },
    ],
  },
  AGE_ABOVE_55: {
    generic: {
      nb: 'Over aldersgrensen på datoen oppholdstillatelsen ble gitt: ingen rett og plikt, men kommunen kan likevel tilby introduksjonsprogram.',
      nn: 'Over aldersgrensa på datoen opphaldsløyvet vart gitt: inga rett og plikt, men kommunen kan likevel tilby introduksjonsprogram.',
      en: 'Above the age limit on the permit grant date: no right and duty, but the municipality may offer the programme.',
    },
    patterns: [
      {
        match: /^Was (\d+) on the permit grant date; right and duty ends at (\d+)\. The municipality may still offer the programme\.$/,
        nb: 'Var $1 år på datoen oppholdstillatelsen ble gitt; rett og plikt gjelder til og med $2 år. Kommunen kan likevel tilby introduksjonsprogram.',
        nn: 'Var $1 år på datoen opphaldsløyvet vart gitt; rett og plikt gjeld til og med $2 år. Kommunen kan likevel tilby introduksjonsprogram.',
      },
    ],
  },
  NORDIC_OR_EEA: {
    generic: {
      nb: 'Nordiske borgere og EØS-borgere omfattes ikke av introduksjonsprogrammet.',
      nn: 'Nordiske borgarar og EØS-borgarar er ikkje omfatta av introduksjonsprogrammet.',
      en: 'Nordic and EEA citizens are outside the introduction programme.',
    },
  },
  PERMIT_NOT_COVERED: {
    generic: {
      nb: 'Denne oppholdstillatelsen gir ikke rett og plikt til introduksjonsprogram.',
      nn: 'Dette opphaldsløyvet gir ikkje rett og plikt til introduksjonsprogram.',
      en: 'This residence permit does not give right and duty to the programme.',
    },
  },
  FAMILY_OF_OTHERS: {
    generic: {
      nb: 'Familieinnvandrer med en person utenfor flyktninggruppene: ingen rett og plikt, men kommunen kan tilby introduksjonsprogram.',
      nn: 'Familieinnvandrar med ein person utanfor flyktninggruppene: inga rett og plikt, men kommunen kan tilby introduksjonsprogram.',
      en: 'Family immigrant of a person outside the refugee groups: no right and duty, but the municipality may offer the programme.',
    },
  },
  FAMILY_REFERENCE_YEARS_MISSING: {
    generic: {
      nb: 'Registrer hvor lenge familiemedlemmet i Norge hadde bodd i en kommune før søknaden (rett og plikt bare under 5 år).',
      nn: 'Registrer kor lenge familiemedlemmet i Noreg hadde budd i ein kommune før søknaden (rett og plikt berre under 5 år).',
      en: 'Record how long the family member in Norway had lived in a municipality before the application (right and duty only if under 5 years).',
    },
  },
  FAMILY_REFERENCE_5_YEARS: {
    generic: {
      nb: 'Familiemedlemmet i Norge hadde bodd i en kommune i 5 år eller mer før søknaden: ingen rett og plikt, men kommunen kan tilby introduksjonsprogram.',
      nn: 'Familiemedlemmet i Noreg hadde budd i ein kommune i 5 år eller meir før søknaden: inga rett og plikt, men kommunen kan tilby introduksjonsprogram.',
      en: 'The family member in Norway had lived in a municipality for 5 years or more before the application: no right and duty, but the municipality may offer the programme.',
    },
  },
  NOT_SETTLED: {
    generic: {
      nb: 'Ikke bosatt i en kommune på vurderingsdatoen.',
      nn: 'Ikkje busett i ein kommune på vurderingsdatoen.',
      en: 'Not settled in a municipality on the assessment date.',
    },
  },
  NOT_SETTLED_BY_AGREEMENT: {
    generic: {
      nb: 'Bosatt uten avtale med IMDi: ingen rett og plikt, men kommunen kan tilby introduksjonsprogram.',
      nn: 'Busett utan avtale med IMDi: inga rett og plikt, men kommunen kan tilby introduksjonsprogram.',
      en: 'Settled without an agreement with IMDi: no right and duty, but the municipality may offer the programme.',
    },
  },
  DECISION_WINDOW_2_YEARS_PASSED: {
    generic: {
      nb: 'Vedtak om introduksjonsprogram må treffes innen 2 år etter første bosetting.',
      nn: 'Vedtak om introduksjonsprogram må gjerast innan 2 år etter første busetjing.',
      en: 'The decision must be made less than 2 years after first settlement.',
    },
    patterns: [
      {
        match: /^The decision must be made less than 2 years after first settlement \(last day (\S+)\)\.$/,
        nb: 'Vedtak om introduksjonsprogram må treffes innen 2 år etter første bosetting (siste dag $1).',
        nn: 'Vedtak om introduksjonsprogram må gjerast innan 2 år etter første busetjing (siste dag $1).',
      },
    ],
  },
  WORKS_30_HOURS: {
    generic: {
      nb: 'Har arbeid eller tilbud om arbeid på 30 timer i uka eller mer: ingen rett og plikt.',
      nn: 'Har arbeid eller tilbod om arbeid på 30 timar i veka eller meir: inga rett og plikt.',
      en: 'Works or has a job offer of 30 hours a week or more: no right and duty.',
    },
    patterns: [
      {
        match:
          /^Works or has a job offer of ([\d.]+) hours a week \(30 or more\): no right and duty\. It returns if the work ends within 2 years of settlement\.$/,
        nb: 'Har arbeid eller tilbud om arbeid på $1 timer i uka (30 eller mer): ingen rett og plikt. Retten kommer tilbake om arbeidet opphører innen 2 år etter bosetting.',
        nn: 'Har arbeid eller tilbod om arbeid på $1 timar i veka (30 eller meir): inga rett og plikt. Retten kjem tilbake om arbeidet tek slutt innan 2 år etter busetjing.',
      },
    ],
  },
  OLD_REGIME: {
    generic: {
      nb: 'Både oppholdstillatelse og ankomst er før 1. januar 2021: den gamle introduksjonsloven gjelder, og saken må vurderes manuelt.',
      nn: 'Både opphaldsløyve og ankomst er før 1. januar 2021: den gamle introduksjonslova gjeld, og saka må vurderast manuelt.',
      en: 'Permit and arrival are both before 1 January 2021: the old introduksjonsloven applies and needs a manual assessment.',
    },
  },
};
Object.assign(MESSAGES, UNMET);

/** A rule of the law refused (src/domain RuleViolation, extensions.violations[].code RULE_VIOLATION): one pattern per message. */
const rule = (ruleId: string, match: RegExp, nb: string, nn: string): MessagePattern => ({ ruleId, match, nb, nn });
MESSAGES.RULE_VIOLATION = {
  generic: {
    nb: 'Handlingen er ikke tillatt etter regel {ruleId} ({lawReference}).',
    nn: 'Handlinga er ikkje tillaten etter regel {ruleId} ({lawReference}).',
    en: 'The action is not allowed under rule {ruleId} ({lawReference}).',
  },
  patterns: [
    // 0. regimes
    rule(
      'R-0.2',
      /^old regime: manual assessment$/,
      'Gammelt regelverk (introduksjonsloven): saken må vurderes manuelt.',
      'Gammalt regelverk (introduksjonslova): saka må vurderast manuelt.',
    ),
    rule(
      'R-0.2',
      /^Old regime \(introduksjonsloven\): manual assessment\.$/,
      'Gammelt regelverk (introduksjonsloven): saken må vurderes manuelt.',
      'Gammalt regelverk (introduksjonslova): saka må vurderast manuelt.',
    ),
    // 1. eligibility
    rule(
      'R-1.6',
      /^No right and duty \((.*)\) A discretionary offer must be marked as such, with reasons\.$/,
      'Ingen rett og plikt ($1). Et tilbud etter kommunens skjønn må merkes som det, med begrunnelse.',
      'Inga rett og plikt ($1). Eit tilbod etter skjønnet til kommunen må merkjast som det, med grunngiving.',
    ),
    // 2. competence mapping
    rule(
      'R-2.2',
      /^Complete the competence mapping before deciding on participation\.$/,
      'Fullfør kompetansekartleggingen før det treffes vedtak om deltakelse.',
      'Fullfør kompetansekartlegginga før det vert gjort vedtak om deltaking.',
    ),
    // 3. career guidance
    rule(
      'R-3.2',
      /^Career guidance builds on the completed competence mapping \((.+)\): complete the mapping before referring\.$/,
      'Karriereveiledning bygger på fullført kompetansekartlegging ($1): fullfør kartleggingen før henvisning.',
      'Karriererettleiing byggjer på fullført kompetansekartlegging ($1): fullfør kartlegginga før tilvising.',
    ),
    rule(
      'R-3.3',
      /^A recommendation of (\S+) needs an end goal of that kind \((.+)\); (\S+) is not one\.$/,
      'En anbefaling om $1 krever et sluttmål av den typen ($2); $3 er ikke et slikt.',
      'Ei tilråding om $1 krev eit sluttmål av den typen ($2); $3 er ikkje eit slikt.',
    ),
    rule(
      '',
      /^(\S+) is not possible because the referral is (\S+)\.$/,
      '$1 er ikke mulig fordi henvisningen til karriereveiledning er $2.',
      '$1 er ikkje mogleg fordi tilvisinga til karriererettleiing er $2.',
    ),
    // 4. integration plan
    rule(
      'R-4.1',
      /^A plan builds on submitted career guidance; this referral is (\S+)\.$/,
      'En integreringsplan bygger på innsendt karriereveiledning; denne henvisningen er $1.',
      'Ein integreringsplan byggjer på innsend karriererettleiing; denne tilvisinga er $1.',
    ),
    rule(
      'R-4.1',
      /^The integration plan is missing required content: (.+)\.$/,
      'Integreringsplanen mangler påkrevd innhold: $1.',
      'Integreringsplanen manglar påkravd innhald: $1.',
    ),
    rule(
      'R-4.2',
      /^The programme cannot start without a valid integration plan and a signed integration contract for it\.$/,
      'Introduksjonsprogrammet kan ikke starte uten en gyldig integreringsplan og en signert integreringskontrakt for den.',
      'Introduksjonsprogrammet kan ikkje starte utan ein gyldig integreringsplan og ein signert integreringskontrakt for han.',
    ),
    rule(
      'R-4.3',
      /^This is a significant change of the plan \((.+)\): it needs a granted PLAN_SIGNIFICANT_CHANGE decision\.$/,
      'Dette er en vesentlig endring av integreringsplanen ($1): den krever et innvilget vedtak om vesentlig endring (PLAN_SIGNIFICANT_CHANGE).',
      'Dette er ei vesentleg endring av integreringsplanen ($1): ho krev eit innvilga vedtak om vesentleg endring (PLAN_SIGNIFICANT_CHANGE).',
    ),
    // 5. programme
    rule(
      'R-5.1',
      /^There is no programme yet: grant participation first\.$/,
      'Det finnes ikke noe introduksjonsprogram ennå: fatt vedtak om deltakelse først.',
      'Det finst ikkje noko introduksjonsprogram enno: gjer vedtak om deltaking først.',
    ),
    rule(
      'R-5.1',
      /^The programme cannot start before a decision granting participation \(§ 12\) has been made\.$/,
      'Introduksjonsprogrammet kan ikke starte før det er truffet vedtak om deltakelse (§ 12).',
      'Introduksjonsprogrammet kan ikkje starte før det er gjort vedtak om deltaking (§ 12).',
    ),
    rule(
      'R-5.1',
      /^The start date (\S+) is after the start deadline (\S+); record the reason for the late start\.$/,
      'Startdatoen $1 er etter fristen for oppstart $2; registrer grunnen til den sene oppstarten.',
      'Startdatoen $1 er etter fristen for oppstart $2; registrer grunnen til den seine oppstarten.',
    ),
    rule(
      '',
      /^(\S+) is not possible because the programme has ended \((\S+)\)\.$/,
      '$1 er ikke mulig fordi introduksjonsprogrammet er avsluttet ($2).',
      '$1 er ikkje mogleg fordi introduksjonsprogrammet er avslutta ($2).',
    ),
    rule(
      '',
      /^(\S+) is not possible because the programme is (\S+)\.$/,
      '$1 er ikke mulig fordi introduksjonsprogrammet er $2.',
      '$1 er ikkje mogleg fordi introduksjonsprogrammet er $2.',
    ),
    rule(
      'R-5.2',
      /^(\S+) is an end goal for participants without upper-secondary education \(§ 14\); this participant has upper-secondary education \(§ 13\)\.$/,
      '$1 er et sluttmål for deltakere uten fullført videregående opplæring (§ 14); denne deltakeren har fullført videregående opplæring (§ 13).',
      '$1 er eit sluttmål for deltakarar utan fullført vidaregåande opplæring (§ 14); denne deltakaren har fullført vidaregåande opplæring (§ 13).',
    ),
    rule(
      'R-5.2',
      /^(\S+) is an end goal for participants with upper-secondary education \(§ 13\); this participant has none \(§ 14\)\.$/,
      '$1 er et sluttmål for deltakere med fullført videregående opplæring (§ 13); denne deltakeren har ikke det (§ 14).',
      '$1 er eit sluttmål for deltakarar med fullført vidaregåande opplæring (§ 13); denne deltakaren har ikkje det (§ 14).',
    ),
    rule(
      'R-5.2',
      /^A participant over (\d+) \(age (\d+)\) can only have the end goal work \((\S+)\)\.$/,
      'En deltaker over $1 år (alder $2) kan bare ha arbeid som sluttmål ($3).',
      'Ein deltakar over $1 år (alder $2) kan berre ha arbeid som sluttmål ($3).',
    ),
    rule(
      'R-5.2',
      /^A participant under (\d+) without upper-secondary education shall have completed upper-secondary as end goal; (\S+) needs a recorded reason why they do not want to or cannot complete it within the programme time\.$/,
      'En deltaker under $1 år uten fullført videregående opplæring skal ha fullført videregående opplæring som sluttmål; $2 krever en registrert grunn til at deltakeren ikke ønsker eller ikke kan fullføre innenfor programtiden.',
      'Ein deltakar under $1 år utan fullført vidaregåande opplæring skal ha fullført vidaregåande opplæring som sluttmål; $2 krev ein registrert grunn til at deltakaren ikkje ønskjer eller ikkje kan fullføre innanfor programtida.',
    ),
    rule(
      'R-5.3',
      /^The programme lacks required content: (.+)\.$/,
      'Introduksjonsprogrammet mangler påkrevd innhold: $1.',
      'Introduksjonsprogrammet manglar påkravd innhald: $1.',
    ),
    rule(
      'R-5.4',
      /^The life-skills course needs at least (\d+) hours on migration, health and diversity and (\d+) hours of career competence; the plan has (\S+) and (\S+)\.$/,
      'Kurset i livsmestring må ha minst $1 timer om migrasjon, helse og mangfold og $2 timer karrierekompetanse; planen har $3 og $4.',
      'Kurset i livsmeistring må ha minst $1 timar om migrasjon, helse og mangfald og $2 timar karrierekompetanse; planen har $3 og $4.',
    ),
    rule(
      'R-5.5',
      /^A work-qualifying programme needs on average at least (\S+) hours a week of work practice or job training from month (\S+); the plan has (\S+)\.$/,
      'Et arbeidskvalifiserende introduksjonsprogram må ha minst $1 timer i uka i snitt med arbeidspraksis eller jobbtrening fra måned $2; planen har $3.',
      'Eit arbeidskvalifiserande introduksjonsprogram må ha minst $1 timar i veka i snitt med arbeidspraksis eller jobbtrening frå månad $2; planen har $3.',
    ),
    rule(
      'R-5.7',
      /^Only a started programme can be extended\.$/,
      'Bare et startet introduksjonsprogram kan forlenges.',
      'Berre eit starta introduksjonsprogram kan forlengjast.',
    ),
    rule(
      'R-5.7',
      /^The programme duration must be a whole number of months from 1 to (\d+) for end goal (\S+); (\S+) was given\.$/,
      'Varigheten av introduksjonsprogrammet må være et helt antall måneder fra 1 til $1 for sluttmålet $2; $3 ble oppgitt.',
      'Varigheita av introduksjonsprogrammet må vere eit heilt tal månader frå 1 til $1 for sluttmålet $2; $3 vart oppgitt.',
    ),
    rule(
      'R-5.7',
      /^A programme with end goal (\S+) cannot be extended\.$/,
      'Et introduksjonsprogram med sluttmålet $1 kan ikke forlenges.',
      'Eit introduksjonsprogram med sluttmålet $1 kan ikkje forlengjast.',
    ),
    rule(
      'R-5.7',
      /^An extension must be a whole number of months, at least 1\.$/,
      'En forlengelse må være et helt antall måneder, minst 1.',
      'Ei forlenging må vere eit heilt tal månader, minst 1.',
    ),
    rule(
      'R-5.7',
      /^The programme can be extended by at most (\d+) months in total for end goal (\S+); (\d+) already granted, (\S+) requested\.$/,
      'Introduksjonsprogrammet kan forlenges med høyst $1 måneder i alt for sluttmålet $2; $3 er allerede innvilget, $4 er søkt.',
      'Introduksjonsprogrammet kan forlengjast med høgst $1 månader i alt for sluttmålet $2; $3 er allereie innvilga, $4 er søkt.',
    ),
    rule(
      'R-5.7',
      /^The programme time has already been used up in the previous municipality\.$/,
      'Programtiden er allerede brukt opp i den forrige kommunen.',
      'Programtida er allereie brukt opp i den førre kommunen.',
    ),
    rule(
      'R-5.8',
      /^An absence or leave record must have a whole, non-negative number of working days; got (\S+)\.$/,
      'Et fravær eller en permisjon må ha et helt, ikke-negativt antall arbeidsdager; fikk $1.',
      'Eit fråvær eller ein permisjon må ha eit heilt, ikkje-negativt tal arbeidsdagar; fekk $1.',
    ),
    rule(
      'R-5.8',
      /^An absence period ends before it starts \((\S+) to (\S+)\)\.$/,
      'En fraværsperiode slutter før den begynner ($1 til $2).',
      'Ein fråværsperiode sluttar før han byrjar ($1 til $2).',
    ),
    rule(
      'R-5.8',
      /^The period (\S+) to (\S+) overlaps (\S+) registered for (\S+) to (\S+): a day is counted once\. Correct or cancel the registered period instead\.$/,
      'Perioden $1 til $2 overlapper $3 registrert for $4 til $5: en dag telles bare én gang. Rett eller slett den registrerte perioden i stedet.',
      'Perioden $1 til $2 overlappar $3 registrert for $4 til $5: ein dag vert berre talt éin gong. Rett eller slett den registrerte perioden i staden.',
    ),
    rule(
      'R-5.8',
      /^(\S+) must be a whole number of at least (\S+); got (\S+)\.$/,
      '$1 må være et helt tall på minst $2; fikk $3.',
      '$1 må vere eit heilt tal på minst $2; fekk $3.',
    ),
    rule(
      'R-5.9',
      /^A halt needs advance notice \(forhåndsvarsel\) to the participant first: record its date\.$/,
      'Stans krever forhåndsvarsel til deltakeren først: registrer datoen for varselet.',
      'Stans krev førehandsvarsel til deltakaren først: registrer datoen for varselet.',
    ),
    rule('R-5.9', /^A permanent halt has no end date\.$/, 'En varig stans har ingen sluttdato.', 'Ein varig stans har ingen sluttdato.'),
    rule('R-5.9', /^A temporary halt needs an end date\.$/, 'En midlertidig stans må ha en sluttdato.', 'Ein mellombels stans må ha ein sluttdato.'),
    rule(
      'R-5.9',
      /^A temporary halt must end on or after the day it starts\.$/,
      'En midlertidig stans må slutte samme dag som eller etter at den begynner.',
      'Ein mellombels stans må slutte same dag som eller etter at han byrjar.',
    ),
    rule(
      'R-5.9',
      /^A temporary halt can last at most 3 months: from (\S+) the last day is (\S+)\.$/,
      'En midlertidig stans kan vare i høyst 3 måneder: fra $1 er siste dag $2.',
      'Ein mellombels stans kan vare i høgst 3 månader: frå $1 er siste dag $2.',
    ),
    rule('R-5.10', /^This case has already been transferred\.$/, 'Denne saken er allerede overført.', 'Denne saka er allereie overført.'),
    rule(
      'R-5.10',
      /^The programme has ended; an ended case is not transferred\.$/,
      'Introduksjonsprogrammet er avsluttet; en avsluttet sak overføres ikke.',
      'Introduksjonsprogrammet er avslutta; ei avslutta sak vert ikkje overført.',
    ),
    rule(
      'R-5.1',
      /^The participation decision on (\S+) is after the deadline (\S+) \(3 months after settlement or the later request\); record the reason for the late decision\.$/,
      'Vedtaket om deltakelse $1 er etter fristen $2 (3 måneder etter bosetting eller det senere kravet); registrer grunnen til det sene vedtaket.',
      'Vedtaket om deltaking $1 er etter fristen $2 (3 månader etter busetjing eller det seinare kravet); registrer grunnen til det seine vedtaket.',
    ),
    rule(
      'R-0.2',
      /^Old regime \(introduksjonsloven\): manual assessment\. (.+) is not evaluated automatically \(R-13\.2\)\.$/,
      'Gammelt regelverk (introduksjonsloven): saken må vurderes manuelt. $1 vurderes ikke automatisk (R-13.2).',
      'Gammalt regelverk (introduksjonslova): saka må vurderast manuelt. $1 vert ikkje vurdert automatisk (R-13.2).',
    ),
    rule(
      'R-5.6',
      /^Holiday is limited to (\d+) working days per calendar year: (\S+) already registered in (\S+), (\S+) requested\.$/,
      'Ferie er begrenset til $1 arbeidsdager per kalenderår: $2 er allerede registrert i $3, $4 er søkt.',
      'Ferie er avgrensa til $1 arbeidsdagar per kalenderår: $2 er allereie registrerte i $3, $4 er søkt.',
    ),
    rule(
      'R-5.10',
      /^The end date (\S+) is in the future \(today is (\S+)\): a programme is ended on or after the day it ends\.$/,
      'Sluttdatoen $1 er fram i tid (i dag er $2): et introduksjonsprogram avsluttes samme dag som eller etter at det slutter.',
      'Sluttdatoen $1 er fram i tid (i dag er $2): eit introduksjonsprogram vert avslutta same dag som eller etter at det sluttar.',
    ),
    rule(
      'R-5.10',
      /^The end date (\S+) is before the programme started \((\S+)\)\.$/,
      'Sluttdatoen $1 er før introduksjonsprogrammet startet ($2).',
      'Sluttdatoen $1 er før introduksjonsprogrammet starta ($2).',
    ),
    rule(
      'R-5.7',
      /^The end date (\S+) is after the legal maximum (\S+) \(maximum duration for the end goal, granted extension and added absence and leave\)\.$/,
      'Sluttdatoen $1 er etter lovens lengste tid $2 (lengste varighet for sluttmålet, innvilget forlengelse og lagt til fravær og permisjon).',
      'Sluttdatoen $1 er etter den lengste tida lova tillèt, $2 (lengste varigheit for sluttmålet, innvilga forlenging og lagt til fråvær og permisjon).',
    ),
    rule(
      'R-5.10',
      /^The programme is completed only when the end goal is reached or its time has run out \(last day (\S+)\); end it on (\S+) as interrupted, with the reason\.$/,
      'Introduksjonsprogrammet er fullført bare når sluttmålet er nådd eller programtiden er ute (siste dag $1); avslutt det $2 som avbrutt, med grunnen.',
      'Introduksjonsprogrammet er fullført berre når sluttmålet er nådd eller programtida er ute (siste dag $1); avslutt det $2 som avbrote, med grunnen.',
    ),
    rule(
      'R-5.10',
      /^The programme is completed only when the end goal is reached or its time has run out; end it as interrupted, with the reason\.$/,
      'Introduksjonsprogrammet er fullført bare når sluttmålet er nådd eller programtiden er ute; avslutt det som avbrutt, med grunnen.',
      'Introduksjonsprogrammet er fullført berre når sluttmålet er nådd eller programtida er ute; avslutt det som avbrote, med grunnen.',
    ),
    rule(
      'R-5.10',
      /^The end goal was reached: the programme is completed, not interrupted\.$/,
      'Sluttmålet er nådd: introduksjonsprogrammet er fullført, ikke avbrutt.',
      'Sluttmålet er nådd: introduksjonsprogrammet er fullført, ikkje avbrote.',
    ),
    rule(
      'R-5.10',
      /^The programme's time ran out on (\S+): it is completed, not interrupted\.$/,
      'Programtiden gikk ut $1: introduksjonsprogrammet er fullført, ikke avbrutt.',
      'Programtida gjekk ut $1: introduksjonsprogrammet er fullført, ikkje avbrote.',
    ),
    rule(
      'R-5.10',
      /^An interrupted programme needs the reason it ended early \(halted permanently, refused or left\)\.$/,
      'Et avbrutt introduksjonsprogram må ha grunnen til at det sluttet tidlig (varig stans, avslått eller sluttet).',
      'Eit avbrote introduksjonsprogram må ha grunnen til at det slutta tidleg (varig stans, avslått eller slutta).',
    ),
    rule(
      'R-5.10',
      /^The case has been transferred: the receiving municipality records attendance now\.$/,
      'Saken er overført: det er nå mottakerkommunen som registrerer oppmøte.',
      'Saka er overført: det er no mottakarkommunen som registrerer oppmøte.',
    ),
    rule(
      'R-5.10',
      /^The case has been transferred: its recorded attendance is not changed any more\.$/,
      'Saken er overført: registrert oppmøte endres ikke lenger.',
      'Saka er overført: registrert oppmøte vert ikkje endra lenger.',
    ),
    // R-10.1 / R-13.11: attendance per programme element
    rule('', /^The attendance period ends before it starts\.$/, 'Oppmøteperioden slutter før den begynner.', 'Oppmøteperioden sluttar før han byrjar.'),
    rule(
      '',
      /^Attendance is recorded once the programme has started\.$/,
      'Oppmøte registreres først når introduksjonsprogrammet har startet.',
      'Oppmøte vert registrert først når introduksjonsprogrammet har starta.',
    ),
    rule(
      '',
      /^The attendance period starts before the programme did\.$/,
      'Oppmøteperioden begynner før introduksjonsprogrammet startet.',
      'Oppmøteperioden byrjar før introduksjonsprogrammet starta.',
    ),
    rule(
      '',
      /^The attendance period ends after the programme ended\.$/,
      'Oppmøteperioden slutter etter at introduksjonsprogrammet ble avsluttet.',
      'Oppmøteperioden sluttar etter at introduksjonsprogrammet vart avslutta.',
    ),
    rule(
      '',
      /^Attendance is recorded for days that have passed, never for the future\.$/,
      'Oppmøte registreres for dager som har vært, aldri fram i tid.',
      'Oppmøte vert registrert for dagar som har vore, aldri fram i tid.',
    ),
    rule(
      '',
      /^The hours attended do not fit in the period\.$/,
      'Timene med oppmøte får ikke plass i perioden.',
      'Timane med oppmøte får ikkje plass i perioden.',
    ),
    rule(
      '',
      /^A period already recorded for this element shares days with this one\.$/,
      'En periode som allerede er registrert for dette elementet, har dager felles med denne.',
      'Ein periode som allereie er registrert for dette elementet, har dagar felles med denne.',
    ),
    // 6. leave and absence
    rule(
      '',
      /^The leave must end on or after the day it starts\.$/,
      'Permisjonen må slutte samme dag som eller etter at den begynner.',
      'Permisjonen må slutte same dag som eller etter at han byrjar.',
    ),
    rule('', /^The leave period contains no working days\.$/, 'Permisjonsperioden har ingen arbeidsdager.', 'Permisjonsperioden har ingen arbeidsdagar.'),
    rule(
      'R-6.1',
      /^Pregnancy leave must end before the birth\.$/,
      'Permisjon under svangerskap må slutte før fødselen.',
      'Permisjon under svangerskap må slutte før fødselen.',
    ),
    rule(
      'R-6.1',
      /^Pregnancy leave is limited to (\d+) working days in total; (\S+) already taken, (\S+) requested\.$/,
      'Permisjon under svangerskap er begrenset til $1 arbeidsdager i alt; $2 er allerede tatt, $3 er søkt.',
      'Permisjon under svangerskap er avgrensa til $1 arbeidsdagar i alt; $2 er allereie tekne, $3 er søkt.',
    ),
    rule(
      '',
      /^The child's date of birth is required for leave after the birth\.$/,
      'Barnets fødselsdato må oppgis for permisjon etter fødselen.',
      'Fødselsdatoen til barnet må oppgjevast for permisjon etter fødselen.',
    ),
    rule(
      '',
      /^Leave after the birth cannot start before the birth\.$/,
      'Permisjon etter fødselen kan ikke begynne før fødselen.',
      'Permisjon etter fødselen kan ikkje byrje før fødselen.',
    ),
    rule(
      '',
      /^The mother's leave covers the first (\d+) working days after the birth; this leave ends on working day (\S+)\.$/,
      'Morens permisjon gjelder de første $1 arbeidsdagene etter fødselen; denne permisjonen slutter på arbeidsdag $2.',
      'Permisjonen til mora gjeld dei første $1 arbeidsdagane etter fødselen; denne permisjonen sluttar på arbeidsdag $2.',
    ),
    rule(
      '',
      /^The child's date of birth is required for leave at the birth\.$/,
      'Barnets fødselsdato må oppgis for permisjon ved fødselen.',
      'Fødselsdatoen til barnet må oppgjevast for permisjon ved fødselen.',
    ),
    rule(
      '',
      /^Leave at the birth must lie between (\S+) and (\S+)\.$/,
      'Permisjon ved fødselen må ligge mellom $1 og $2.',
      'Permisjon ved fødselen må liggje mellom $1 og $2.',
    ),
    rule(
      '',
      /^Leave at the birth is limited to (\d+) working days; (\S+) already taken, (\S+) requested\.$/,
      'Permisjon ved fødselen er begrenset til $1 arbeidsdager; $2 er allerede tatt, $3 er søkt.',
      'Permisjon ved fødselen er avgrensa til $1 arbeidsdagar; $2 er allereie tekne, $3 er søkt.',
    ),
    rule(
      '',
      /^The child's date of birth is required for care leave\.$/,
      'Barnets fødselsdato må oppgis for omsorgspermisjon.',
      'Fødselsdatoen til barnet må oppgjevast for omsorgspermisjon.',
    ),
    rule(
      '',
      /^Care leave after adoption applies to children under (\d+)\.$/,
      'Omsorgspermisjon etter adopsjon gjelder barn under $1 år.',
      'Omsorgspermisjon etter adopsjon gjeld barn under $1 år.',
    ),
    rule(
      '',
      /^Care leave must be taken within the child's first year \((\S+) to (\S+)\)\.$/,
      'Omsorgspermisjon må tas i barnets første leveår ($1 til $2).',
      'Omsorgspermisjon må takast i det første leveåret til barnet ($1 til $2).',
    ),
    rule(
      'R-6.2',
      /^Both parents are participants, so (\d+) working days are reserved for the other parent: this parent can take at most (\d+) working days of care leave; (\S+) already taken, (\S+) requested\.$/,
      'Begge foreldrene er deltakere, så $1 arbeidsdager er forbeholdt den andre forelderen: denne forelderen kan ta høyst $2 arbeidsdager omsorgspermisjon; $3 er allerede tatt, $4 er søkt.',
      'Begge foreldra er deltakarar, så $1 arbeidsdagar er reserverte for den andre forelderen: denne forelderen kan ta høgst $2 arbeidsdagar omsorgspermisjon; $3 er allereie tekne, $4 er søkt.',
    ),
    rule(
      'R-6.2',
      /^Care leave is limited to (\d+) working days \(10 months\); (\S+) already taken, (\S+) requested\.$/,
      'Omsorgspermisjon er begrenset til $1 arbeidsdager (10 måneder); $2 er allerede tatt, $3 er søkt.',
      'Omsorgspermisjon er avgrensa til $1 arbeidsdagar (10 månader); $2 er allereie tekne, $3 er søkt.',
    ),
    rule(
      'R-6.2',
      /^The parents together can take at most (\d+) working days \(10 months\) of care leave; (\S+) already taken, (\S+) requested\.$/,
      'Foreldrene kan til sammen ta høyst $1 arbeidsdager (10 måneder) omsorgspermisjon; $2 er allerede tatt, $3 er søkt.',
      'Foreldra kan til saman ta høgst $1 arbeidsdagar (10 månader) omsorgspermisjon; $2 er allereie tekne, $3 er søkt.',
    ),
    rule(
      'R-6.3',
      /^Leave is granted by a LEAVE decision: change it through a decision, not as absence\.$/,
      'Permisjon innvilges ved et LEAVE-vedtak: endre den gjennom et vedtak, ikke som fravær.',
      'Permisjon vert innvilga ved eit LEAVE-vedtak: endre han gjennom eit vedtak, ikkje som fråvær.',
    ),
    rule(
      'R-6.4',
      /^Unexcused absence must be between 0 and the number of scheduled working days in the payment period\.$/,
      'Ugyldig fravær må være mellom 0 og antall planlagte arbeidsdager i utbetalingsperioden.',
      'Ugyldig fråvær må vere mellom 0 og talet på planlagde arbeidsdagar i utbetalingsperioden.',
    ),
    // 7. benefit
    rule(
      'R-7.2',
      /^No G value is recorded for (\S+) \(first value is from (\S+)\)\.$/,
      'Det er ikke registrert noe grunnbeløp (G) for $1 (første verdi gjelder fra $2).',
      'Det er ikkje registrert noko grunnbeløp (G) for $1 (første verdi gjeld frå $2).',
    ),
    // 8. decisions
    rule('R-8.1', /^A (\S+) decision cannot be appealed\.$/, 'Et $1-vedtak kan ikke påklages.', 'Eit $1-vedtak kan ikkje påklagast.'),
    rule(
      'R-8.2',
      /^A decision letter needs the reasons the decision rests on \(forvaltningsloven §§ 24–25\)\.$/,
      'Et vedtaksbrev må inneholde begrunnelsen vedtaket bygger på (forvaltningsloven §§ 24–25).',
      'Eit vedtaksbrev må innehalde grunngivinga vedtaket byggjer på (forvaltningslova §§ 24–25).',
    ),
    rule(
      'R-8.3',
      /^The appeal deadline cannot be before the decision\.$/,
      'Klagefristen kan ikke være før vedtaket.',
      'Klagefristen kan ikkje vere før vedtaket.',
    ),
    // 9. appeals
    rule(
      'R-9.2',
      /^Record when the notice of the decision reached the participant first: the appeal deadline runs from it\.$/,
      'Registrer først når underretningen om vedtaket kom fram til deltakeren: klagefristen løper fra den.',
      'Registrer først når underretninga om vedtaket kom fram til deltakaren: klagefristen går frå henne.',
    ),
    rule(
      'R-9.3',
      /^More than 1 year has passed since the decision was made: the late appeal cannot be considered\.$/,
      'Det har gått mer enn 1 år siden vedtaket ble truffet: klagen kan ikke tas under behandling etter oversittet klagefrist.',
      'Det har gått meir enn 1 år sidan vedtaket vart gjort: klaga kan ikkje takast under handsaming etter oversitten klagefrist.',
    ),
    rule(
      'R-9.3',
      /^A late appeal can be considered only if the party cannot be blamed for the delay or there are special reasons; record which\.$/,
      'En klage etter klagefristen kan bare behandles hvis parten ikke kan lastes for forsinkelsen, eller det foreligger særlige grunner; registrer hvilken.',
      'Ei klage etter klagefristen kan berre handsamast om parten ikkje kan lastast for forseinkinga, eller det ligg føre særlege grunnar; registrer kva for ein.',
    ),
    rule(
      'R-9.3',
      /^A late appeal is accepted for consideration while it is reviewed, not when it is (\S+)\.$/,
      'En klage etter klagefristen tas under behandling mens den vurderes, ikke når den er $1.',
      'Ei klage etter klagefristen vert teken under handsaming medan ho vert vurdert, ikkje når ho er $1.',
    ),
    rule(
      'R-9.4',
      /^(\S+) is not possible for an appeal that is (\S+)\.$/,
      '$1 er ikke mulig for en klage som er $2.',
      '$1 er ikkje mogleg for ei klage som er $2.',
    ),
    rule(
      'R-9.5',
      /^A municipality number has 4 digits; got "(.*)"\.$/,
      'Et kommunenummer har 4 sifre; fikk «$1».',
      'Eit kommunenummer har 4 siffer; fekk «$1».',
    ),
    rule(
      'R-9.5',
      /^No Statsforvalter office covers county (\S+)\.$/,
      'Ingen embeter hos Statsforvalteren dekker fylke $1.',
      'Ingen embete hos Statsforvaltaren dekkjer fylke $1.',
    ),
    rule(
      'R-9.5',
      /^Only a forwarded appeal that Statsforvalteren has not decided can be reassigned; this one is (\S+)\.$/,
      'Bare en oversendt klage som Statsforvalteren ikke har avgjort, kan flyttes til et annet embete; denne er $1.',
      'Berre ei oversend klage som Statsforvaltaren ikkje har avgjort, kan flyttast til eit anna embete; denne er $1.',
    ),
    rule(
      'R-9.6',
      /^Statsforvalteren has decided an appeal of this decision; its decision is final\.$/,
      'Statsforvalteren har avgjort en klage på dette vedtaket; avgjørelsen er endelig.',
      'Statsforvaltaren har avgjort ei klage på dette vedtaket; avgjerda er endeleg.',
    ),
    rule(
      'R-9.6',
      /^Statsforvalteren has decided this appeal; its decision is final\.$/,
      'Statsforvalteren har avgjort denne klagen; avgjørelsen er endelig.',
      'Statsforvaltaren har avgjort denne klaga; avgjerda er endeleg.',
    ),
    rule(
      'R-9.6',
      /^The follow-up decision is already recorded\.$/,
      'Oppfølgingsvedtaket er allerede registrert.',
      'Oppfølgingsvedtaket er allereie registrert.',
    ),
    rule(
      'R-9.6',
      /^Statsforvalteren's outcome (\S+) needs the municipality's follow-up decision before the appeal is closed\.$/,
      'Statsforvalterens utfall $1 krever kommunens oppfølgingsvedtak før klagen avsluttes.',
      'Utfallet $1 frå Statsforvaltaren krev oppfølgingsvedtaket til kommunen før klaga vert avslutta.',
    ),
    rule(
      'R-9.6',
      /^A follow-up decision is recorded only after Statsforvalteren changed or quashed the decision\.$/,
      'Et oppfølgingsvedtak registreres bare etter at Statsforvalteren har endret eller opphevet vedtaket.',
      'Eit oppfølgingsvedtak vert berre registrert etter at Statsforvaltaren har endra eller oppheva vedtaket.',
    ),
    rule(
      'R-9.7',
      /^A change to the appellant's detriment needed notice by (\S+) \(3 months after the appeal was received on (\S+)\); it cannot be made on (\S+)\.$/,
      'En endring til skade for klageren krevde varsel innen $1 (3 måneder etter at klagen kom inn $2); den kan ikke gjøres $3.',
      'Ei endring til skade for klagaren kravde varsel innan $1 (3 månader etter at klaga kom inn $2); ho kan ikkje gjerast $3.',
    ),
    // R-9.2: extending the appeal deadline (src/domain/deadlines.ts validateAppealDeadlineExtension)
    rule(
      'R-9.2',
      /^Record when the notice reached the participant first: only a running appeal deadline can be extended\.$/,
      'Registrer først når underretningen kom fram til deltakeren: bare en klagefrist som løper, kan forlenges.',
      'Registrer først når underretninga kom fram til deltakaren: berre ein klagefrist som går, kan forlengjast.',
    ),
    rule(
      'R-9.2',
      /^An extension cannot be granted \((\S+)\) before the decision was made \((\S+)\)\.$/,
      'Forlengelse av klagefristen kan ikke gis ($1) før vedtaket ble truffet ($2).',
      'Forlenging av klagefristen kan ikkje givast ($1) før vedtaket vart gjort ($2).',
    ),
    rule(
      'R-9.2',
      /^The deadline expired on (\S+): it can be extended only before it expires, not on (\S+)\.$/,
      'Klagefristen gikk ut $1: den kan bare forlenges før den går ut, ikke $2.',
      'Klagefristen gjekk ut $1: han kan berre forlengjast før han går ut, ikkje $2.',
    ),
    rule(
      'R-9.2',
      /^An extension ends after the deadline it extends \((\S+)\)\.$/,
      'Den nye fristen må være senere enn klagefristen som forlenges ($1).',
      'Den nye fristen må vere seinare enn klagefristen som vert forlengd ($1).',
    ),
    // 10. certificate
    rule(
      'R-10.1',
      /^The programme period on the certificate must end on or after its start date\.$/,
      'Programperioden på deltakerbeviset må slutte samme dag som eller etter startdatoen.',
      'Programperioden på deltakarbeviset må slutte same dag som eller etter startdatoen.',
    ),
    // 11. identity numbers
    rule(
      'R-11.2',
      /^The new identity number is not a valid fødselsnummer or D-number\.$/,
      'Det nye identitetsnummeret er ikke et gyldig fødselsnummer eller D-nummer.',
      'Det nye identitetsnummeret er ikkje eit gyldig fødselsnummer eller D-nummer.',
    ),
    rule(
      'R-11.2',
      /^Only a D-number can be replaced, by the person's fødselsnummer\.$/,
      'Bare et D-nummer kan erstattes, med personens fødselsnummer.',
      'Berre eit D-nummer kan erstattast, med fødselsnummeret til personen.',
    ),
    rule(
      'R-11.2',
      /^The fødselsnummer encodes another birth date than the D-number: it is not the same person\.$/,
      'Fødselsnummeret har en annen fødselsdato enn D-nummeret: det er ikke samme person.',
      'Fødselsnummeret har ein annan fødselsdato enn D-nummeret: det er ikkje same person.',
    ),
    rule(
      'R-11.2',
      /^A D-number can only be replaced by a fødselsnummer\.$/,
      'Et D-nummer kan bare erstattes av et fødselsnummer.',
      'Eit D-nummer kan berre erstattast av eit fødselsnummer.',
    ),
    // 13. clarifications: plausibility of what is reported (R-13.7, src/domain/plausibility.ts), re-judging (R-13.8),
    // a reopened mapping (R-13.9), withdrawal (R-13.10)
    rule(
      'R-13.7',
      /^(\S+) must say something: it is empty after trimming\.$/,
      '$1 må ha innhold: feltet er tomt når mellomrom er fjernet.',
      '$1 må ha innhald: feltet er tomt når mellomrom er fjerna.',
    ),
    rule(
      'R-13.7',
      /^(\S+) \((\S+)\) is in the future: a reported date is never after today \((\S+)\)\.$/,
      '$1 ($2) er fram i tid: en oppgitt dato kan ikke være senere enn i dag ($3).',
      '$1 ($2) er fram i tid: ein oppgitt dato kan ikkje vere seinare enn i dag ($3).',
    ),
    rule(
      'R-13.7',
      /^(\S+) \((\S+)\) is in the future: a reported date is never after today\.$/,
      '$1 ($2) er fram i tid: en oppgitt dato kan ikke være senere enn i dag.',
      '$1 ($2) er fram i tid: ein oppgitt dato kan ikkje vere seinare enn i dag.',
    ),
    rule(
      'R-13.7',
      /^The notice cannot reach the participant \((\S+)\) before the decision was made \((\S+)\)\.$/,
      'Underretningen kan ikke ha kommet fram til deltakeren ($1) før vedtaket ble truffet ($2).',
      'Underretninga kan ikkje ha kome fram til deltakaren ($1) før vedtaket vart gjort ($2).',
    ),
    rule(
      'R-13.7',
      /^Reasons cannot be requested before the decision was made\.$/,
      'Begrunnelse kan ikke være krevd før vedtaket ble truffet.',
      'Grunngiving kan ikkje vere kravd før vedtaket vart gjort.',
    ),
    rule(
      'R-13.7',
      /^Reasons cannot be received before they were requested\.$/,
      'Begrunnelsen kan ikke være mottatt før den ble krevd.',
      'Grunngivinga kan ikkje vere motteken før ho vart kravd.',
    ),
    rule(
      'R-13.8',
      /^An appeal that is (\S+) is not re-judged: Statsforvalteren's decision is final\.$/,
      'Det vurderes ikke på nytt om en klage som er $1, kom inn i tide: Statsforvalterens avgjørelse er endelig.',
      'Det vert ikkje vurdert på nytt om ei klage som er $1, kom inn i tide: avgjerda til Statsforvaltaren er endeleg.',
    ),
    rule(
      'R-13.9',
      /^The competence mapping has been reopened: career guidance builds on the completed mapping and can be submitted only once it is complete again\.$/,
      'Kompetansekartleggingen er åpnet igjen: karriereveiledningen bygger på den fullførte kartleggingen og kan først sendes inn når kartleggingen er fullført igjen.',
      'Kompetansekartlegginga er opna igjen: karriererettleiinga byggjer på den fullførte kartlegginga og kan først sendast inn når kartlegginga er fullført igjen.',
    ),
    rule(
      'R-13.10',
      /^The appellant withdrew this appeal: there is nothing left for Statsforvalteren to decide\.$/,
      'Klageren har trukket klagen: det er ikke noe igjen for Statsforvalteren å avgjøre.',
      'Klagaren har trekt klaga: det er ikkje noko igjen for Statsforvaltaren å avgjere.',
    ),
  ],
};

export interface ViolationToTranslate {
  code: string;
  message?: string;
  ruleId?: string;
  lawReference?: string;
  path?: string | null;
}

export type Translation = { text: string; matched: 'pattern' | 'generic' } | undefined;

const fill = (text: string, v: ViolationToTranslate): string =>
  text.replace(/\{(path|ruleId|lawReference)\}/g, (_, k: 'path' | 'ruleId' | 'lawReference') => String(v[k] ?? (k === 'path' ? 'the input' : '')));

/**
 * The violation's message in `language`: a pattern that recognises the English message (its values kept), else
 * the code's generic text (English keeps the domain's own message), or undefined for a code without an entry.
 */
export function translate(v: ViolationToTranslate, language: Language): Translation {
  const entry = MESSAGES[v.code];
  if (!entry) return undefined;
  const message = v.message ?? '';
  const pattern = entry.patterns?.find((p) => (!p.ruleId || !v.ruleId || p.ruleId === v.ruleId) && p.match.test(message));
  if (pattern) return { text: language === 'en' ? message : message.replace(pattern.match, pattern[language]), matched: 'pattern' };
  // A code with one fixed message (an unmet condition) has it as its English generic text.
  if (message && message === entry.generic.en) return { text: entry.generic[language], matched: 'pattern' };
  return { text: language === 'en' && message ? message : fill(entry.generic[language], v), matched: 'generic' };
}
