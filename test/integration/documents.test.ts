/**
 * Decision letters and the participation certificate as PDFs over HTTP (issue 18 items 2–3): one case run
 * through the API to a decision of every type and a certificate, each letter fetched with the caseworker's
 * token in bokmål and nynorsk and read back with poppler's pdftotext, asserting what forvaltningsloven §§ 24–27
 * and require. A first page of each is rendered to PNG (pdftoppm) under test-artifacts/documents/.
 *
 * Needs poppler-utils (pdftotext, pdffonts, pdftoppm): .ci/run installs it where missing. Without it the
 * tests that read a PDF back fail under CI=true and are skipped with a message elsewhere (the rest run).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { participantInput, planInput, REGISTER } from '../support/fixtures';

const POPPLER = ['pdftotext', 'pdffonts', 'pdftoppm'];
const havePoppler = POPPLER.every((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0);
if (!havePoppler && process.env.CI) throw new Error(`poppler-utils is not installed (${POPPLER.join(', ')}): apt-get install -y poppler-utils`);
if (!havePoppler) console.warn(`SKIPPED the tests that read the PDFs back: no ${POPPLER.join('/')} (apt-get install -y poppler-utils)`);
/** A test that reads a PDF back with poppler. */
const pdfTest = havePoppler ? test : test.skip;

const TODAY = '2026-12-01';
const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts', 'documents');
let t: TestApp;
let tok: string;
let otherTok: string;
let id: string;
const decisions: Record<string, string> = {};
let refusedId: string;

async function ok(query: string, variables: Record<string, unknown>, token = tok) {
  const res = await t.gql(token, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
}
const DECIDE = `mutation($id: UUID!, $input: DecisionInput!) { makeDecision(participantId: $id, input: $input) { decisions { id type } } }`;
const decide = async (pid: string, input: Record<string, unknown>) => {
  const d = await ok(DECIDE, { id: pid, input: { outcome: 'GRANTED', ...input } });
  return d.makeDecision.decisions[0].id as string;
};
const version = async () => (await ok(`query($id: UUID!) { participant(id: $id) { programme { version } } }`, { id })).participant.programme.version;

beforeAll(async () => {
  t = await startTestApp({ env: { INTROSAK_TODAY: TODAY } });
  tok = await t.token('MUNICIPALITY', '4601', 'cw-kari', 'Kari Saksbehandler');
  otherTok = await t.token('MUNICIPALITY', '1103', 'cw-stavanger', 'Stian Stavanger');
  const { registerParticipant } = await ok(REGISTER, {
    input: participantInput({ name: 'Åse Øvrebø-Ærø', birthDate: '1990-03-02', settlementDate: '2026-09-01' }),
  });
  id = registerParticipant.id;
  await ok(`mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { id } }`, {
    id,
    input: { languageSkills: 'Arabic, English B1', education: 'Primary school', countsAsUpperSecondary: false, workExperience: 'Carpenter', complete: true },
  });
  decisions.PARTICIPATION = await decide(id, {
    type: 'PARTICIPATION',
    reasons: 'Du er bosatt etter avtale med IMDi, er mellom 18 og 55 år og har rett og plikt til introduksjonsprogram.',
    decidedAt: '2026-11-10',
    notifiedAt: '2026-11-12',
  });
  await ok(`mutation($id: UUID!, $input: IntegrationPlanInput!) { saveIntegrationPlan(participantId: $id, input: $input) { id } }`, { id, input: planInput() });
  await ok(`mutation($id: UUID!, $input: StartProgrammeInput!) { startProgramme(participantId: $id, input: $input) { id } }`, {
    id,
    input: { startDate: '2026-11-16', expectedVersion: 1 },
  });
  decisions.BENEFIT = await decide(id, {
    type: 'BENEFIT',
    reasons: 'Du deltar i programmet på full tid.',
    decidedAt: '2026-11-16',
    benefit: { periodFrom: '2026-11-16' },
  });
  decisions.LEAVE = await decide(id, {
    type: 'LEAVE',
    reasons: 'Barnet ditt blir født, og du har rett til permisjon rundt fødselen.',
    decidedAt: '2026-11-17',
    leave: { kind: 'FATHER_AT_BIRTH', fromDate: '2026-11-18', toDate: '2026-11-20', childBirthDate: '2026-11-18' },
  });
  await ok(`mutation($id: UUID!, $v: Int!) { endLeave(participantId: $id, expectedVersion: $v) { id } }`, { id, v: await version() });
  decisions.EXTENSION = await decide(id, {
    type: 'EXTENSION',
    reasons: 'Du trenger mer tid for å fullføre.',
    decidedAt: '2026-11-23',
    extension: { months: 6 },
  });
  decisions.EXEMPTION = await decide(id, {
    type: 'EXEMPTION',
    reasons: 'Du har dokumentert kunnskaper i samfunnskunnskap.',
    decidedAt: '2026-11-24',
    exemption: { subject: 'SOCIAL_STUDIES', ground: 'DOCUMENTED_KNOWLEDGE' },
  });
  decisions.PLAN_SIGNIFICANT_CHANGE = await decide(id, {
    type: 'PLAN_SIGNIFICANT_CHANGE',
    reasons: 'Sluttmålet endres etter karriereveiledningen.',
    decidedAt: '2026-11-25',
  });
  decisions.HALT = await decide(id, {
    type: 'HALT',
    reasons: 'Du har ikke møtt uten gyldig grunn.',
    decidedAt: '2026-11-26',
    advanceNoticeAt: '2026-11-19',
    halt: { kind: 'TEMPORARY', fromDate: '2026-11-27', toDate: '2026-12-20' },
  });
  // what the municipality recorded as attended, for two of the plan's elements; the others stay unrecorded.
  const ATTEND = `mutation($id: UUID!, $input: ElementAttendanceInput!) { recordElementAttendance(participantId: $id, input: $input) { id } }`;
  await ok(ATTEND, { id, input: { elementKind: 'NORWEGIAN', fromDate: '2026-11-16', toDate: '2026-11-26', hoursAttended: 42.5, completed: true } });
  await ok(ATTEND, { id, input: { elementKind: 'SOCIAL_STUDIES', fromDate: '2026-11-16', toDate: '2026-11-26', hoursAttended: 4, completed: false } });
  await ok(`mutation($id: UUID!, $input: EndProgrammeInput!) { completeProgramme(participantId: $id, input: $input) { id } }`, {
    id,
    input: { endDate: '2026-11-30', endGoalReached: true, expectedVersion: await version() },
  });
  // A refusal, for another person.
  const other = await ok(REGISTER, { input: participantInput({ name: 'Bjørn Refusert', settlementDate: '2026-09-01' }) });
  refusedId = await decide(other.registerParticipant.id, {
    type: 'PARTICIPATION',
    outcome: 'REFUSED',
    reasons: 'Du har arbeid på mer enn 30 timer i uka.',
    decidedAt: '2026-11-20',
  });
  // An appeal the municipality dismisses (fvl § 33): the dismissal is a decision of its own, with its own letter.
  const appeal = (
    await ok(`mutation($input: RegisterAppealInput!) { registerAppeal(input: $input) { id version } }`, {
      input: {
        decisionId: decisions.PARTICIPATION,
        receivedAt: TODAY,
        sentAt: TODAY,
        grounds: 'Jeg ønsker et annet program.',
        changeWanted: 'Endre vedtaket.',
      },
    })
  ).registerAppeal;
  const review = (
    await ok(`mutation($a: UUID!, $v: Int!) { startAppealReview(appealId: $a, expectedVersion: $v) { id version } }`, { a: appeal.id, v: appeal.version })
  ).startAppealReview;
  const dismissed = (
    await ok(`mutation($a: UUID!, $v: Int!, $r: String!) { dismissAppeal(appealId: $a, expectedVersion: $v, reasons: $r) { dismissalDecision { id } } }`, {
      a: review.id,
      v: review.version,
      r: 'Klagen er ikke underskrevet, og du rettet det ikke innen fristen du fikk.',
    })
  ).dismissAppeal;
  decisions.APPEAL_DISMISSAL = dismissed.dismissalDecision.id;
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);
afterAll(() => t?.close());

function get(url: string, token: string | null = tok) {
  const r = request(t.server)
    .get(url)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  return token ? r.set('authorization', `Bearer ${token}`) : r;
}

/** The PDF's text as pdftotext reads it (layout off: reading order), with line breaks and hyphenation undone. */
function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(os.tmpdir(), `introsak-${process.pid}-${name}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    fs.unlinkSync(file);
  }
}

function firstPagePng(pdf: Buffer, name: string): void {
  const file = path.join(ARTIFACTS, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(ARTIFACTS, name)]);
}

const REQUIRED = {
  nb: (sf: string) => [
    'Bergen kommune',
    'Saksbehandler: Kari Saksbehandler',
    'Til: Åse Øvrebø-Ærø',
    'Vedtak',
    'Begrunnelse',
    'Vedtaket bygger på disse reglene:',
    'Vedtaket bygger på disse faktiske forholdene:',
    'Kommunens vurdering:',
    'Du har rett til å klage på vedtaket (forvaltningsloven § 28).',
    'Klagefristen er tre uker fra den dagen du fikk melding om vedtaket (forvaltningsloven § 29).',
    'Send klagen til Bergen kommune.',
    sf,
    'Klagen må være skriftlig.',
    'Du har rett til å se dokumentene i saken din',
    'forvaltningsloven §§ 18 og 19',
    'Med hilsen Kari Saksbehandler saksbehandler Bergen kommune',
  ],
  nn: (sf: string) => [
    'Bergen kommune',
    'Saksbehandlar: Kari Saksbehandler',
    'Til: Åse Øvrebø-Ærø',
    'Grunngjeving',
    'Vedtaket byggjer på desse reglane:',
    'Vedtaket byggjer på desse faktiske tilhøva:',
    'Vurderinga til kommunen:',
    'Du har rett til å klage på vedtaket (forvaltningslova § 28).',
    'Klagefristen er tre veker frå den dagen du fekk melding om vedtaket (forvaltningslova § 29).',
    'Send klaga til Bergen kommune.',
    sf,
    'Klaga må vere skriftleg.',
    'Du har rett til å sjå dokumenta i saka di',
    'forvaltningslova §§ 18 og 19',
    'Med helsing Kari Saksbehandler saksbehandlar Bergen kommune',
  ],
};

const TITLES: Record<string, { nb: string; nn: string; nbStatement: string; nnStatement: string; rule: [string, string] }> = {
  PARTICIPATION: {
    nb: 'Vedtak om deltakelse i introduksjonsprogram',
    nn: 'Vedtak om deltaking i introduksjonsprogram',
    nbStatement: 'Du får tilbud om å delta i introduksjonsprogram. Du har rett og plikt til å delta',
    nnStatement: 'Du får tilbod om å delta i introduksjonsprogram. Du har rett og plikt til å delta',
    rule: ['integreringsloven § 12', 'integreringslova § 12'],
  },
  BENEFIT: {
    nb: 'Vedtak om introduksjonsstønad',
    nn: 'Vedtak om introduksjonsstønad',
    nbStatement: 'Du får introduksjonsstønad fra 16. november 2026',
    nnStatement: 'Du får introduksjonsstønad frå 16. november 2026',
    rule: ['integreringsloven § 20', 'integreringslova § 20'],
  },
  LEAVE: {
    nb: 'Vedtak om permisjon fra introduksjonsprogrammet',
    nn: 'Vedtak om permisjon frå introduksjonsprogrammet',
    nbStatement:
      'Du får permisjon for far i forbindelse med fødselen fra 18. november 2026 til og med 20. november 2026 (3 virkedager), med introduksjonsstønad.',
    nnStatement: 'Du får permisjon for far i samband med fødselen frå 18. november 2026 til og med 20. november 2026 (3 vyrkedagar), med introduksjonsstønad.',
    rule: ['integreringsforskriften kapittel 4', 'integreringsforskrifta kapittel 4'],
  },
  EXTENSION: {
    nb: 'Vedtak om forlengelse av introduksjonsprogrammet',
    nn: 'Vedtak om forlenging av introduksjonsprogrammet',
    nbStatement: 'Introduksjonsprogrammet ditt blir forlenget med 6 måneder.',
    nnStatement: 'Introduksjonsprogrammet ditt blir forlengd med 6 månader.',
    rule: ['integreringsloven § 14', 'integreringslova § 14'],
  },
  EXEMPTION: {
    nb: 'Vedtak om fritak fra opplæring i norsk og samfunnskunnskap',
    nn: 'Vedtak om fritak frå opplæring i norsk og samfunnskunnskap',
    nbStatement: 'Du får fritak fra opplæring i samfunnskunnskap.',
    nnStatement: 'Du får fritak frå opplæring i samfunnskunnskap.',
    rule: ['integreringsloven § 29', 'integreringslova § 29'],
  },
  PLAN_SIGNIFICANT_CHANGE: {
    nb: 'Vedtak om vesentlig endring av integreringsplanen',
    nn: 'Vedtak om vesentleg endring av integreringsplanen',
    nbStatement: 'Integreringsplanen din blir endret vesentlig',
    nnStatement: 'Integreringsplanen din blir endra vesentleg',
    rule: ['integreringsloven § 15', 'integreringslova § 15'],
  },
  APPEAL_DISMISSAL: {
    nb: 'Vedtak om avvisning av klage',
    nn: 'Vedtak om avvising av klage',
    nbStatement: 'Kommunen avviser klagen din fordi vilkårene for å behandle den ikke er oppfylt (forvaltningsloven § 33).',
    nnStatement: 'Kommunen avviser klaga di fordi vilkåra for å behandle ho ikkje er oppfylte (forvaltningslova § 33).',
    rule: ['integreringsloven § 47', 'integreringslova § 47'],
  },
  HALT: {
    nb: 'Vedtak om stans av introduksjonsprogrammet',
    nn: 'Vedtak om stans av introduksjonsprogrammet',
    nbStatement: 'Introduksjonsprogrammet ditt blir stanset midlertidig fra 27. november 2026 til og med 20. desember 2026.',
    nnStatement: 'Introduksjonsprogrammet ditt blir stansa mellombels frå 27. november 2026 til og med 20. desember 2026.',
    rule: ['integreringsloven § 18', 'integreringslova § 18'],
  },
};

describe.each(Object.keys(TITLES))('the %s decision letter', (type) => {
  pdfTest.each(['nb', 'nn'] as const)('in %s has every part fvl §§ 24–27 requires, read back from the PDF', async (lang) => {
    const res = await get(`/documents/decision/${decisions[type]}.pdf?lang=${lang}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="vedtak-[0-9a-f-]+-n[bn]\.pdf"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf, `${type}-${lang}`);
    const sf = lang === 'nb' ? 'Statsforvalteren i Vestland' : 'Statsforvaltaren i Vestland';
    for (const part of REQUIRED[lang](sf)) expect({ type, lang, part, found: text.includes(part) }).toEqual({ type, lang, part, found: true });
    const want = TITLES[type];
    expect(text).toContain(lang === 'nb' ? want.nb : want.nn);
    expect(text).toContain(lang === 'nb' ? want.nbStatement : want.nnStatement);
    expect(text).toContain(lang === 'nb' ? want.rule[0] : want.rule[1]);
    // The PDF embeds its font (a subset of DejaVu Sans): æøå print on any reader.
    expect(execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' })).toMatch(/DejaVuSans.*yes/);
    firstPagePng(pdf, `vedtak-${type.toLowerCase()}-${lang}`);
  });
});

pdfTest('the facts the decisions rest on are in the letters (fvl § 25): the G, the advance notice, the deadline once notified', async () => {
  const benefit = pdfText((await get(`/documents/decision/${decisions.BENEFIT}.pdf`)).body, 'benefit-facts');
  expect(benefit).toMatch(/Grunnbeløpet \(G\) er 130 160 kr fra 1\. mai 2025\./);
  expect(benefit).toMatch(/Stønaden er 2 G per år/);
  const halt = pdfText((await get(`/documents/decision/${decisions.HALT}.pdf?lang=nn`)).body, 'halt-facts');
  expect(halt).toContain('Du fekk førehandsvarsel 19. november 2026');
  // The participation decision's notice reached the participant on 12 November: the letter names 3 December.
  const participation = pdfText((await get(`/documents/decision/${decisions.PARTICIPATION}.pdf`)).body, 'participation-deadline');
  expect(participation).toContain('Klagen må være sendt senest 3. desember 2026.');
  const refused = pdfText((await get(`/documents/decision/${refusedId}.pdf?lang=nn`)).body, 'refused');
  expect(refused).toContain('Du får ikkje tilbod om introduksjonsprogram.');
  expect(refused).toContain('Du har arbeid på mer enn 30 timer i uka.');
});

pdfTest.each(['nb', 'nn'] as const)('the participation certificate in %s has what R-10.1 requires, read back from the PDF', async (lang) => {
  const res = await get(`/documents/certificate/${id}.pdf?lang=${lang}`);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const text = pdfText(res.body, `certificate-${lang}`);
  const nb = lang === 'nb';
  for (const part of [
    nb ? 'Deltakerbevis for introduksjonsprogrammet' : 'Deltakarbevis for introduksjonsprogrammet',
    nb ? 'Deltaker Åse Øvrebø-Ærø' : 'Deltakar Åse Øvrebø-Ærø',
    'Kommune Bergen',
    'Periode 16.11.2026–30.11.2026',
    'Årsak til avslutning Fullført',
    nb ? 'Sluttmål Fullført videregående opplæring' : 'Sluttmål Fullført vidaregåande opplæring',
    'Sluttmål nådd Ja',
    'Opplæring i norsk',
    'Samfunnskunnskap',
    nb ? 'Livsmestring' : 'Livsmeistring',
    nb ? 'Andel av programmet som er gjennomført' : 'Del av programmet som er gjennomført',
    nb ? 'Utstedt dato 01.12.2026' : 'Utferda dato 01.12.2026',
    nb ? 'Utstedt av Bergen kommune, 1. desember 2026' : 'Utferda av Bergen kommune, 1. desember 2026',
  ]) {
    expect({ lang, part, found: text.includes(part) }).toEqual({ lang, part, found: true });
  }
  expect(text).toMatch(nb ? /\d+ timer, (fullført|ikke fullført)/ : /\d+ timar, (fullført|ikkje fullført)/);
  // the recorded hours and completion, and in words where nothing was recorded.
  for (const part of nb
    ? [
        'Opplæring i norsk (Norwegian training) 42,5 timer, fullført',
        'Samfunnskunnskap (Social studies) 4 timer, ikke fullført',
        'Livsmestring (Life-skills course) Ikke registrert av kommunen',
        'Timer og fullføring per element er slik kommunen har registrert oppmøtet.',
      ]
    : [
        'Opplæring i norsk (Norwegian training) 42,5 timar, fullført',
        'Samfunnskunnskap (Social studies) 4 timar, ikkje fullført',
        'Livsmeistring (Life-skills course) Ikkje registrert av kommunen',
        'Timar og fullføring per element er slik kommunen har registrert oppmøtet.',
      ]) {
    expect({ lang, part, found: text.includes(part) }).toEqual({ lang, part, found: true });
  }
  firstPagePng(res.body, `deltakerbevis-${lang}`);
});

pdfTest('the language: lang wins, then Accept-Language (nn, nno, no), bokmål by default; anything else is a clear 400', async () => {
  const title = async (req: request.Test) => pdfText((await req).body, 'lang');
  expect(await title(get(`/documents/decision/${decisions.BENEFIT}.pdf`).set('accept-language', 'en;q=1, nn;q=0.8'))).toContain('frå 16. november');
  expect(await title(get(`/documents/decision/${decisions.BENEFIT}.pdf`).set('accept-language', 'sv, no'))).toContain('fra 16. november');
  expect(await title(get(`/documents/decision/${decisions.BENEFIT}.pdf?lang=nb`).set('accept-language', 'nn'))).toContain('fra 16. november');
  const bad = await get(`/documents/decision/${decisions.BENEFIT}.pdf?lang=sv`);
  expect(bad.status).toBe(400);
  expect(JSON.parse(bad.body.toString()).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lang' });
});

test('the same token and row-level security as GraphQL: another municipality, a random id, no token, another role', async () => {
  const other = await get(`/documents/decision/${decisions.BENEFIT}.pdf`, otherTok);
  const random = await get(`/documents/decision/00000000-0000-4000-8000-000000000000.pdf`, otherTok);
  expect(other.status).toBe(404);
  expect(JSON.parse(other.body.toString())).toEqual(JSON.parse(random.body.toString()));
  expect((await get(`/documents/certificate/${id}.pdf`, otherTok)).status).toBe(404);
  const anonymous = await get(`/documents/decision/${decisions.BENEFIT}.pdf`, null);
  expect(anonymous.status).toBe(401);
  expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="introsak"');
  const county = await get(`/documents/decision/${decisions.BENEFIT}.pdf`, await t.token('COUNTY', '46'));
  expect(county.status).toBe(403);
  expect(JSON.parse(county.body.toString()).errors[0].extensions.code).toBe('FORBIDDEN');
  const running = await ok(REGISTER, { input: participantInput({ name: 'Pågår Fortsatt' }) });
  expect((await get(`/documents/certificate/${running.registerParticipant.id}.pdf`)).status).toBe(404);
});

test("each letter and certificate fetched is in the participant's access log, as a read of personal data", async () => {
  await get(`/documents/decision/${decisions.LEAVE}.pdf?lang=nn`);
  await get(`/documents/certificate/${id}.pdf`);
  const log = await ok(`query($id: UUID!) { participantAccessLog(participantId: $id, first: 50) { edges { node { role org purpose fields } } } }`, { id });
  const entries = log.participantAccessLog.edges.map((e: { node: unknown }) => e.node);
  expect(entries).toEqual(
    expect.arrayContaining([
      { role: 'MUNICIPALITY', org: '4601', purpose: 'DECISION_LETTER', fields: ['DecisionLetter.pdf'] },
      { role: 'MUNICIPALITY', org: '4601', purpose: 'CERTIFICATE', fields: ['ParticipationCertificate.pdf'] },
    ]),
  );
  // Another municipality's refused attempt logs nothing.
  const owner = await t.db.owner();
  const { rows } = await owner.query(`SELECT count(*)::int AS n FROM app.access_log WHERE actor_org = '1103'`);
  expect(rows[0].n).toBe(0);
});
