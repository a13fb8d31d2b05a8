/**
 * The demo data set (npm run seed:demo), built by driving the GraphQL API as caseworkers, county
 * advisers and Statsforvalteren would, so every rule of the law and every database constraint applies
 * to it exactly as to real use. Deterministic: the same people, identity numbers and states on every
 * run; dates count back from the day it runs (Europe/Oslo), so deadlines and "today" make sense.
 *
 * Municipalities: Bergen (4601) and Kinn (4602) in Vestland, Oslo (0301), Stavanger (1103) in Rogaland.
 * Counties 46 Vestland, 03 Oslo, 11 Rogaland give the career guidance; Statsforvalteren i Vestland, i
 * Rogaland and i Østfold, Buskerud, Oslo og Akershus decide the forwarded appeals.
 */
import { addDays } from '../../src/domain/calendar';
import { makeFnr } from './synthetic';

type Vars = Record<string, unknown>;

/** Sends one GraphQL operation as a caller; returns data or throws with the API's error. */
export type Gql = (token: string, query: string, variables?: Vars) => Promise<Record<string, any>>;

export interface DemoTokens {
  /** One caseworker per municipality, by municipality number. */
  municipality: Record<string, string>;
  /** One career adviser per county, by county number. */
  county: Record<string, string>;
  /** One lawyer per Statsforvalter area, by area id. */
  statsforvalter: Record<string, string>;
}

export const DEMO_MUNICIPALITIES = ['4601', '4602', '0301', '1103'] as const;
const DEMO_NAMES: Record<string, string> = { '4601': 'Bergen', '4602': 'Kinn', '0301': 'Oslo', '1103': 'Stavanger' };
export const DEMO_COUNTIES = ['46', '03', '11'] as const;
export const DEMO_STATSFORVALTER = ['vestland', 'ostfold-buskerud-oslo-og-akershus', 'rogaland'] as const;

/** Who acts for each organisation: the tokens' sub and name. */
export const DEMO_USERS = {
  municipality: {
    '4601': ['kari.bergen', 'Kari Nordmann'],
    '4602': ['ola.kinn', 'Ola Myklebust'],
    '0301': ['ingrid.oslo', 'Ingrid Hansen'],
    '1103': ['siv.stavanger', 'Siv Eide'],
  },
  county: { '46': ['vera.vestland', 'Vera Veileder'], '03': ['oda.oslo', 'Oda Karriere'], '11': ['rolf.rogaland', 'Rolf Rettleiar'] },
  statsforvalter: {
    vestland: ['siri.sfvl', 'Siri Juridisk'],
    'ostfold-buskerud-oslo-og-akershus': ['per.sfoa', 'Per Jurist'],
    rogaland: ['rune.sfro', 'Rune Lovstad'],
  },
} as const;

export interface DemoSummary {
  participants: Record<string, Record<string, number>>;
  decisions: Record<string, number>;
  appeals: Record<string, number>;
  appealOutcomes: Record<string, number>;
  referrals: Record<string, number>;
  certificates: number;
  absences: number;
  transfers: Record<string, number>;
  planVersions: number;
}

const P = {
  register: `mutation($input: RegisterParticipantInput!) { registerParticipant(input: $input) { id version status } }`,
  map: `mutation($id: UUID!, $input: CompetenceMappingInput!) { recordCompetenceMapping(participantId: $id, input: $input) { id } }`,
  decide: `mutation($id: UUID!, $input: DecisionInput!) { makeDecision(participantId: $id, input: $input) { id status decisions { id type } programme { version state } } }`,
  plan: `mutation($id: UUID!, $input: IntegrationPlanInput!, $v: Int, $d: UUID, $g: UUID) {
    saveIntegrationPlan(participantId: $id, input: $input, expectedVersionNo: $v, significantChangeDecisionId: $d, guidanceReferralId: $g) { id integrationPlan { current { id versionNo } } } }`,
  start: `mutation($id: UUID!, $input: StartProgrammeInput!) { startProgramme(participantId: $id, input: $input) { id status programme { version state } } }`,
  endLeave: `mutation($id: UUID!, $v: Int!) { endLeave(participantId: $id, expectedVersion: $v) { id status programme { version state } } }`,
  resume: `mutation($id: UUID!, $v: Int!) { resumeProgramme(participantId: $id, expectedVersion: $v) { id status programme { version state } } }`,
  complete: `mutation($id: UUID!, $input: EndProgrammeInput!) { completeProgramme(participantId: $id, input: $input) { id status } }`,
  interrupt: `mutation($id: UUID!, $input: EndProgrammeInput!) { interruptProgramme(participantId: $id, input: $input) { id status } }`,
  attend: `mutation($id: UUID!, $input: ElementAttendanceInput!) { recordElementAttendance(participantId: $id, input: $input) { id } }`,
  absence: `mutation($id: UUID!, $input: AbsenceInput!) { registerAbsence(participantId: $id, input: $input) { id } }`,
  transfer: `mutation($id: UUID!, $to: String!) { transferParticipant(participantId: $id, toMunicipality: $to) { id status } }`,
  inbox: `{ incomingTransfers { id version name state } }`,
  accept: `mutation($id: UUID!, $v: Int!) { acceptTransfer(transferId: $id, expectedVersion: $v) { id status } }`,
  refer: `mutation($id: UUID!, $note: String!) { referToCareerGuidance(participantId: $id, note: $note) { id version state } }`,
  withdraw: `mutation($id: UUID!, $v: Int!) { withdrawCareerGuidanceReferral(referralId: $id, expectedVersion: $v) { id version state } }`,
  startGuidance: `mutation($id: UUID!, $v: Int!, $adviser: String) { startCareerGuidance(referralId: $id, expectedVersion: $v, adviser: $adviser) { id version state } }`,
  submitGuidance: `mutation($id: UUID!, $input: SubmitCareerGuidanceInput!) { submitCareerGuidance(referralId: $id, input: $input) { id version state } }`,
  registerAppeal: `mutation($input: RegisterAppealInput!) { registerAppeal(input: $input) { id version state } }`,
  startReview: `mutation($a: UUID!, $v: Int!) { startAppealReview(appealId: $a, expectedVersion: $v) { id version state } }`,
  forward: `mutation($a: UUID!, $v: Int!, $s: String!, $c: LocalDate!) { forwardAppeal(appealId: $a, expectedVersion: $v, statement: $s, copiedToParticipantAt: $c) { id version state } }`,
  reverse: `mutation($a: UUID!, $v: Int!, $d: DecisionInput!) { reverseAppeal(appealId: $a, expectedVersion: $v, decision: $d) { id version state } }`,
  partly: `mutation($a: UUID!, $v: Int!, $d: DecisionInput!, $s: String!, $c: LocalDate!) {
    partlyReverseAndForward(appealId: $a, expectedVersion: $v, decision: $d, statement: $s, copiedToParticipantAt: $c) { id version state } }`,
  dismiss: `mutation($a: UUID!, $v: Int!, $r: String!) { dismissAppeal(appealId: $a, expectedVersion: $v, reasons: $r) { id version state } }`,
  acceptLate: `mutation($a: UUID!, $v: Int!, $g: LateAppealGround!) { acceptLateAppeal(appealId: $a, expectedVersion: $v, ground: $g) { id version state } }`,
  reassign: `mutation($a: UUID!, $v: Int!, $sf: String!, $r: String!) { reassignAppeal(appealId: $a, expectedVersion: $v, statsforvalterId: $sf, reason: $r) { id version state } }`,
  followUp: `mutation($a: UUID!, $v: Int!, $d: UUID!) { recordAppealFollowUp(appealId: $a, expectedVersion: $v, decisionId: $d) { id version state } }`,
  close: `mutation($a: UUID!, $v: Int!, $n: String) { closeAppeal(appealId: $a, expectedVersion: $v, note: $n) { id version state } }`,
  sfDecide: `mutation($a: UUID!, $v: Int!, $input: DecideAppealInput!) { decideAppeal(appealId: $a, expectedVersion: $v, input: $input) { id version state outcome } }`,
  caseload: `{ caseloadSummary { total byStatus { status count } } }`,
};

interface Person {
  name: string;
  birthDate: string;
  /** Seed for the identity number's individual digits (makeFnr): fixed per person, so the numbers never change. */
  n: number;
  languages: string[];
  permitCategory?: string;
  dNumber?: boolean;
  hasUpperSecondary?: boolean;
  livesWithParent?: boolean;
  childrenBirthDates?: string[];
}

/** The plan content most cases share, with its main element varied. */
function plan(_today: string, signedAt: string, main: { kind: string; description: string }, over: Vars = {}): Vars {
  return {
    endGoal: 'UPPER_SECONDARY_COMPLETE',
    norwegianGoal: { listening: 'B1', reading: 'B1', speaking: 'B1', writing: 'A2' },
    longTermGoal: `Work as ${main.description.toLowerCase().replace(/^upper-secondary, /, 'a qualified worker in ')}`,
    norwegianHoursPerWeek: 10,
    socialStudiesHours: 75,
    durationMonths: 36,
    elements: [
      { kind: 'NORWEGIAN', description: 'Norwegian training at the adult education centre', hoursPerWeek: 10 },
      { kind: 'SOCIAL_STUDIES', description: 'Social studies in the participant’s language', hoursPerWeek: 2 },
      { kind: 'LIFE_SKILLS', description: 'Life-skills course', hoursPerWeek: 1 },
      { ...main, hoursPerWeek: 20, isMain: true },
    ],
    appealInformation: 'You may appeal a significant change of this plan to Statsforvalteren within three weeks of being told of it.',
    elementReasons: `${main.description} builds on the participant's experience and wishes, as the competence mapping found.`,
    mainProgrammeType: 'FORMAL_UPPER_SECONDARY',
    lifeSkillsHours: { migrationHealthDiversity: 10, careerCompetence: 15 },
    contractSignedAt: signedAt,
    contractObligations: 'The participant takes part full time and tells the municipality of any absence; the municipality provides every element of the plan.',
    ...over,
  };
}

const MAPPING = (over: Vars = {}): Vars => ({
  languageSkills: 'Arabic (native), English B1',
  education: 'Nine years of primary and lower-secondary school',
  countsAsUpperSecondary: false,
  workExperience: 'Six years as a carpenter',
  otherCompetence: 'Driving licence (B)',
  complete: true,
  ...over,
});

export async function seedDemo(gql: Gql, tokens: DemoTokens, today: string, log: (msg: string) => void = () => undefined): Promise<DemoSummary> {
  const d = (n: number) => addDays(today, n);
  const summary: DemoSummary = {
    participants: {},
    decisions: {},
    appeals: {},
    appealOutcomes: {},
    referrals: {},
    certificates: 0,
    absences: 0,
    transfers: {},
    planVersions: 0,
  };
  const count = (bucket: Record<string, number>, key: string) => (bucket[key] = (bucket[key] ?? 0) + 1);

  // ---------------------------------------------------------------- building blocks

  async function register(muni: string, p: Person, settledDaysAgo: number, over: Vars = {}): Promise<string> {
    const settlement = d(-settledDaysAgo);
    const input = {
      name: p.name,
      identityNumber: makeFnr(p.birthDate, p.n, p.dNumber),
      birthDate: p.birthDate,
      permitCategory: p.permitCategory ?? 'REFUGEE',
      permitGrantDate: addDays(settlement, -60),
      arrivalDate: addDays(settlement, -45),
      settlementDate: settlement,
      settledByAgreementWithImdi: true,
      hasUpperSecondary: p.hasUpperSecondary ?? false,
      livesWithParent: p.livesWithParent ?? false,
      childrenBirthDates: p.childrenBirthDates ?? [],
      languages: p.languages,
      ...over,
    };
    const { registerParticipant } = await gql(tokens.municipality[muni], P.register, { input });
    return registerParticipant.id as string;
  }

  async function decide(muni: string, id: string, input: Vars): Promise<{ decisionId: string; programmeVersion: number | null }> {
    const { makeDecision } = await gql(tokens.municipality[muni], P.decide, { id, input });
    count(summary.decisions, `${input.type} ${input.outcome}`);
    // Decisions are newest first.
    return { decisionId: makeDecision.decisions[0].id as string, programmeVersion: makeDecision.programme?.version ?? null };
  }

  /** Mapping, a granted participation decision and a signed plan: the programme is PLANNED. */
  async function planned(
    muni: string,
    id: string,
    settledDaysAgo: number,
    main: { kind: string; description: string },
    opts: { discretionary?: boolean; planOver?: Vars; mapping?: Vars } = {},
  ): Promise<string> {
    const s = d(-settledDaysAgo);
    await gql(tokens.municipality[muni], P.map, { id, input: MAPPING({ completedAt: addDays(s, 10), ...opts.mapping }) });
    const grant = await decide(muni, id, {
      type: 'PARTICIPATION',
      outcome: 'GRANTED',
      decidedAt: addDays(s, 20),
      notifiedAt: addDays(s, 22),
      reasons: opts.discretionary
        ? 'The municipality offers the programme by discretion (integreringsloven § 8 third paragraph).'
        : 'Settled by agreement with IMDi with a refugee permit: right and duty to the introduction programme.',
      participation: { discretionary: Boolean(opts.discretionary) },
    });
    await gql(tokens.municipality[muni], P.plan, { id, input: plan(today, addDays(s, 25), main, opts.planOver) });
    summary.planVersions += 1;
    return grant.decisionId;
  }

  async function started(
    muni: string,
    id: string,
    settledDaysAgo: number,
    main: { kind: string; description: string },
    opts: { planOver?: Vars } = {},
  ): Promise<number> {
    await planned(muni, id, settledDaysAgo, main, opts);
    const { startProgramme } = await gql(tokens.municipality[muni], P.start, { id, input: { startDate: d(-settledDaysAgo + 30) } });
    return startProgramme.programme.version as number;
  }

  async function refer(muni: string, id: string, note: string): Promise<{ id: string; version: number; state: string }> {
    const { referToCareerGuidance } = await gql(tokens.municipality[muni], P.refer, { id, note });
    return referToCareerGuidance;
  }

  async function guidanceStarted(muni: string, county: string, id: string, note: string): Promise<{ id: string; version: number; state: string }> {
    const r = await refer(muni, id, note);
    const { startCareerGuidance } = await gql(tokens.county[county], P.startGuidance, {
      id: r.id,
      v: r.version,
      adviser: DEMO_USERS.county[county as keyof typeof DEMO_USERS.county][1],
    });
    return startCareerGuidance;
  }

  async function guidanceSubmitted(muni: string, county: string, id: string, note: string, over: Vars = {}): Promise<string> {
    const r = await guidanceStarted(muni, county, id, note);
    await gql(tokens.county[county], P.submitGuidance, {
      id: r.id,
      input: {
        expectedVersion: r.version,
        heldAt: today,
        adviser: DEMO_USERS.county[county as keyof typeof DEMO_USERS.county][1],
        summary: 'Strong practical skills and clear motivation; Norwegian to B1 first, then a trade certificate.',
        recommendationKind: 'EDUCATION',
        recommendedEndGoal: 'UPPER_SECONDARY_COMPLETE',
        suggestedElements: ['Upper-secondary vocational programme', 'Work practice in the trade'],
        ...over,
      },
    });
    return r.id;
  }

  /** A refusal notified `noticedDaysAgo` days ago, on a new participant: the decision an appeal is about. */
  async function refused(
    muni: string,
    p: Person,
    type: 'PARTICIPATION' | 'BENEFIT',
    noticedDaysAgo: number,
  ): Promise<{ participantId: string; decisionId: string }> {
    const participantId = await register(muni, p, noticedDaysAgo + 40);
    if (type === 'BENEFIT') await planned(muni, participantId, noticedDaysAgo + 40, { kind: 'EDUCATION', description: 'Upper-secondary, health and care' });
    const { decisionId } = await decide(muni, participantId, {
      type,
      outcome: 'REFUSED',
      decidedAt: d(-noticedDaysAgo - 2),
      notifiedAt: d(-noticedDaysAgo),
      reasons:
        type === 'BENEFIT'
          ? 'No introduction benefit before the programme starts (integreringsloven § 20).'
          : 'The residence permit does not give a right to the programme, and the municipality does not offer it by discretion.',
      ...(type === 'BENEFIT' ? { benefit: { periodFrom: d(-noticedDaysAgo - 2) } } : {}),
    });
    return { participantId, decisionId };
  }

  type Appeal = { id: string; version: number; state: string };
  async function appealed(muni: string, decisionId: string, noticedDaysAgo: number, over: Vars = {}): Promise<Appeal> {
    const { registerAppeal } = await gql(tokens.municipality[muni], P.registerAppeal, {
      input: {
        decisionId,
        sentAt: d(-noticedDaysAgo + 10),
        receivedAt: d(-noticedDaysAgo + 12),
        grounds: 'I have documents about my situation that were not considered.',
        changeWanted: 'That the decision is changed in my favour.',
        ...over,
      },
    });
    return registerAppeal;
  }
  async function reviewed(muni: string, a: Appeal): Promise<Appeal> {
    return (await gql(tokens.municipality[muni], P.startReview, { a: a.id, v: a.version })).startAppealReview;
  }
  async function forwarded(muni: string, a: Appeal, copiedDaysAgo: number): Promise<Appeal> {
    return (
      await gql(tokens.municipality[muni], P.forward, {
        a: a.id,
        v: a.version,
        s: 'The municipality has reviewed the appeal and upholds its decision: the grounds do not change the assessment.',
        c: d(-copiedDaysAgo),
      })
    ).forwardAppeal;
  }
  async function sfDecided(area: string, a: Appeal, outcome: string, over: Vars = {}): Promise<Appeal> {
    const out = (
      await gql(tokens.statsforvalter[area], P.sfDecide, {
        a: a.id,
        v: a.version,
        input: {
          outcome,
          partial: false,
          toDetriment: false,
          decidedAt: today,
          reasons: `Statsforvalteren has reviewed the case and the municipality's statement: ${outcome.toLowerCase().replace(/_/g, ' ')}.`,
          ...over,
        },
      })
    ).decideAppeal;
    count(summary.appealOutcomes, outcome);
    return out;
  }
  async function closed(muni: string, a: Appeal, note?: string): Promise<Appeal> {
    return (await gql(tokens.municipality[muni], P.close, { a: a.id, v: a.version, n: note ?? null })).closeAppeal;
  }
  const finalAppeal = (a: Appeal) => count(summary.appeals, a.state);

  // ---------------------------------------------------------------- Bergen (4601): every state

  const B = '4601';
  log('Bergen (4601): cases in every state');

  // REGISTERED: just settled; nothing done yet.
  await register(B, { name: 'Amina Yusuf', birthDate: '1994-03-12', n: 11, languages: ['so', 'en'] }, 12);
  // REGISTERED: mapped, waiting for career guidance (OPEN referral).
  const hassan = await register(B, { name: 'Hassan Ali', birthDate: '1990-03-02', n: 12, languages: ['ar', 'en'] }, 35);
  await gql(tokens.municipality[B], P.map, { id: hassan, input: MAPPING({ completedAt: d(-20) }) });
  count(summary.referrals, (await refer(B, hassan, 'Work or education? Six years as a carpenter in Aleppo.')).state);
  // REGISTERED: a D-number, mapping still in progress.
  const olena = await register(
    B,
    { name: 'Olena Kovalenko', birthDate: '1988-11-23', n: 13, languages: ['uk', 'ru'], dNumber: true, permitCategory: 'COLLECTIVE_PROTECTION' },
    25,
  );
  await gql(tokens.municipality[B], P.map, {
    id: olena,
    input: MAPPING({
      languageSkills: 'Ukrainian (native), Russian, English A2',
      education: 'Bachelor of economics (Kharkiv)',
      countsAsUpperSecondary: true,
      workExperience: 'Accountant, 8 years',
      complete: false,
    }),
  });

  // PLANNED: granted and planned, start next week; guidance IN_PROGRESS at the county.
  const fatima = await register(B, { name: 'Fatima Haidari', birthDate: '1996-07-04', n: 14, languages: ['prs', 'fa'] }, 60);
  await planned(B, fatima, 60, { kind: 'EDUCATION', description: 'Upper-secondary, health and care' });
  count(summary.referrals, (await guidanceStarted(B, '46', fatima, 'Health worker? Experience from caring for relatives.')).state);

  // ACTIVE: started, benefit granted, an exemption, some absence, the plan revised on submitted guidance.
  const dawit = await register(B, { name: 'Dawit Tesfaye', birthDate: '1991-01-15', n: 15, languages: ['ti', 'am'] }, 200);
  await started(B, dawit, 200, { kind: 'EDUCATION', description: 'Upper-secondary, building and construction' });
  await decide(B, dawit, {
    type: 'BENEFIT',
    outcome: 'GRANTED',
    decidedAt: d(-170),
    notifiedAt: d(-168),
    reasons: 'Introduction benefit from the start of the programme (integreringsloven § 20).',
    benefit: { periodFrom: d(-170) },
  });
  await decide(B, dawit, {
    type: 'EXEMPTION',
    outcome: 'GRANTED',
    decidedAt: d(-150),
    notifiedAt: d(-149),
    reasons: 'Documented knowledge of social studies in a language the participant understands.',
    exemption: { subject: 'SOCIAL_STUDIES', ground: 'DOCUMENTED_KNOWLEDGE' },
  });
  for (const [from, to, kind, note] of [
    [-60, -58, 'ABSENCE_EXCUSED', 'Ill, with a doctor’s note'],
    [-30, -30, 'ABSENCE_UNEXCUSED', 'No notice given'],
    [-20, -19, 'FREE_DAY', 'Eritrean Orthodox Christmas'],
  ] as const) {
    await gql(tokens.municipality[B], P.absence, { id: dawit, input: { kind, fromDate: d(from), toDate: d(to), note } });
    summary.absences += 1;
  }
  const dawitGuidance = await guidanceSubmitted(B, '46', dawit, 'Confirm the building and construction path.');
  count(summary.referrals, 'COMPLETED');
  await gql(tokens.municipality[B], P.plan, {
    id: dawit,
    v: 1,
    g: dawitGuidance,
    input: plan(
      today,
      today,
      { kind: 'EDUCATION', description: 'Upper-secondary, building and construction' },
      { longTermGoal: 'A trade certificate as a carpenter, then work in a building firm' },
    ),
  });
  summary.planVersions += 1;

  // ACTIVE after a significant plan change (PLAN_SIGNIFICANT_CHANGE, R-4.3).
  const yusuf = await register(B, { name: 'Yusuf Rahimi', birthDate: '1993-09-30', n: 16, languages: ['ps', 'fa'] }, 150);
  await started(B, yusuf, 150, { kind: 'EDUCATION', description: 'Upper-secondary, restaurant and food' });
  const change = await decide(B, yusuf, {
    type: 'PLAN_SIGNIFICANT_CHANGE',
    outcome: 'GRANTED',
    decidedAt: d(-15),
    notifiedAt: d(-14),
    reasons: 'The programme is extended to 40 months to fit the apprenticeship.',
  });
  await gql(tokens.municipality[B], P.plan, {
    id: yusuf,
    v: 1,
    d: change.decisionId,
    input: plan(today, d(-14), { kind: 'EDUCATION', description: 'Upper-secondary, restaurant and food' }, { durationMonths: 40 }),
  });
  summary.planVersions += 1;

  // ON_LEAVE: maternity leave after a birth.
  const mariam = await register(B, { name: 'Mariam Osman', birthDate: '1995-05-20', n: 17, languages: ['ar'], childrenBirthDates: [d(-3)] }, 220);
  await started(B, mariam, 220, { kind: 'EDUCATION', description: 'Upper-secondary, childcare and youth work' });
  await decide(B, mariam, {
    type: 'LEAVE',
    outcome: 'GRANTED',
    decidedAt: d(-3),
    notifiedAt: d(-2),
    reasons: 'Leave after the birth of a child.',
    leave: { kind: 'MOTHER_AFTER_BIRTH', fromDate: d(-3), toDate: d(20), childBirthDate: d(-3) },
  });

  // ACTIVE again after a leave that has ended.
  const ali = await register(B, { name: 'Ali Hussein', birthDate: '1989-12-01', n: 18, languages: ['ar', 'ku'] }, 240);
  const aliV = await started(B, ali, 240, { kind: 'EDUCATION', description: 'Upper-secondary, electrical engineering' });
  const aliLeave = await decide(B, ali, {
    type: 'LEAVE',
    outcome: 'GRANTED',
    decidedAt: d(-40),
    notifiedAt: d(-40),
    reasons: 'Leave at the birth of a child (father).',
    leave: { kind: 'FATHER_AT_BIRTH', fromDate: d(-38), toDate: d(-36), childBirthDate: d(-38) },
  });
  void aliV;
  await gql(tokens.municipality[B], P.endLeave, { id: ali, v: aliLeave.programmeVersion });

  // HALTED: a temporary halt with advance notice.
  const reza = await register(B, { name: 'Reza Karimi', birthDate: '1987-04-18', n: 19, languages: ['fa'] }, 260);
  await started(B, reza, 260, { kind: 'EDUCATION', description: 'Upper-secondary, technology and industrial production' });
  await decide(B, reza, {
    type: 'HALT',
    outcome: 'GRANTED',
    decidedAt: d(-5),
    notifiedAt: d(-4),
    advanceNoticeAt: d(-20),
    reasons: 'Temporary halt while the participant is in hospital.',
    halt: { kind: 'TEMPORARY', fromDate: d(-4), toDate: d(40) },
  });

  // COMPLETED: extended by six months, then completed with the end goal reached: a certificate.
  const layla = await register(B, { name: 'Layla Ahmadi', birthDate: '1992-02-14', n: 20, languages: ['fa', 'en'] }, 760);
  await started(B, layla, 760, { kind: 'EDUCATION', description: 'Upper-secondary, sales and service' }, { planOver: { durationMonths: 24 } });
  await decide(B, layla, {
    type: 'EXTENSION',
    outcome: 'GRANTED',
    decidedAt: d(-90),
    notifiedAt: d(-89),
    reasons: 'Six more months to complete the trade certificate.',
    extension: { months: 6 },
  });
  // the hours attended and completion the certificate prints, as the municipality recorded them.
  await gql(tokens.municipality[B], P.attend, {
    id: layla,
    input: { elementKind: 'NORWEGIAN', fromDate: d(-730), toDate: d(-7), hoursAttended: 1120, completed: true, idempotencyKey: 'demo-layla-norwegian' },
  });
  await gql(tokens.municipality[B], P.complete, { id: layla, input: { endDate: d(-7), endGoalReached: true } });
  summary.certificates += 1;

  // INTERRUPTED: the participant moved abroad: a certificate of the part taken.
  const omar = await register(B, { name: 'Omar Abdullahi', birthDate: '1985-08-08', n: 21, languages: ['so'] }, 300);
  await started(B, omar, 300, { kind: 'EDUCATION', description: 'Upper-secondary, transport and logistics' });
  // What Omar attended before he left: Norwegian completed, social studies not.
  await gql(tokens.municipality[B], P.attend, {
    id: omar,
    input: { elementKind: 'NORWEGIAN', fromDate: d(-270), toDate: d(-21), hoursAttended: 410, completed: true, idempotencyKey: 'demo-omar-norwegian' },
  });
  await gql(tokens.municipality[B], P.attend, {
    id: omar,
    input: { elementKind: 'SOCIAL_STUDIES', fromDate: d(-270), toDate: d(-21), hoursAttended: 38, completed: false, idempotencyKey: 'demo-omar-social' },
  });
  await gql(tokens.municipality[B], P.interrupt, { id: omar, input: { endDate: d(-21), endGoalReached: false, reason: 'Moved to Sweden with the family' } });
  summary.certificates += 1;

  // INTERRUPTED by a permanent halt: a certificate too.
  const semhar = await register(B, { name: 'Semhar Haile', birthDate: '1990-10-10', n: 22, languages: ['ti'] }, 320);
  await started(B, semhar, 320, { kind: 'EDUCATION', description: 'Upper-secondary, design and crafts' });
  await decide(B, semhar, {
    type: 'HALT',
    outcome: 'GRANTED',
    decidedAt: d(-12),
    notifiedAt: d(-11),
    advanceNoticeAt: d(-30),
    reasons: 'Permanent halt: repeated long unexcused absence after warnings.',
    halt: { kind: 'PERMANENT', fromDate: d(-10) },
  });
  summary.certificates += 1;

  // TRANSFERRED: moved to Oslo (accepted there, PLANNED in Oslo's register) and to Kinn (waiting in Kinn's inbox).
  const ahmad = await register(B, { name: 'Ahmad Mohammed', birthDate: '1994-06-06', n: 23, languages: ['ar'] }, 180);
  await started(B, ahmad, 180, { kind: 'EDUCATION', description: 'Upper-secondary, information technology' });
  await gql(tokens.municipality[B], P.transfer, { id: ahmad, to: '0301' });
  const nour = await register(B, { name: 'Nour Said', birthDate: '1997-01-25', n: 24, languages: ['ar', 'fr'] }, 90);
  await planned(B, nour, 90, { kind: 'EDUCATION', description: 'Upper-secondary, hairdressing' });
  await gql(tokens.municipality[B], P.transfer, { id: nour, to: '4602' });

  // ---------------------------------------------------------------- Bergen's appeals: every step

  log('Bergen (4601): appeals at every step, to Statsforvalteren i Vestland');
  const people: Person[] = [
    { name: 'Abdi Warsame', birthDate: '1986-02-02', n: 31, languages: ['so'] },
    { name: 'Hodan Farah', birthDate: '1993-03-03', n: 32, languages: ['so', 'ar'] },
    { name: 'Tesfay Gebre', birthDate: '1984-04-04', n: 33, languages: ['ti'] },
    { name: 'Sara Mohammadi', birthDate: '1991-05-05', n: 34, languages: ['fa'] },
    { name: 'Andrii Shevchenko', birthDate: '1989-06-16', n: 35, languages: ['uk'] },
    { name: 'Iryna Bondarenko', birthDate: '1992-07-17', n: 36, languages: ['uk', 'en'] },
    { name: 'Dmytro Melnyk', birthDate: '1990-08-18', n: 37, languages: ['uk'] },
    { name: 'Zainab Jaber', birthDate: '1995-09-19', n: 38, languages: ['ar'] },
    { name: 'Mustafa Rasuli', birthDate: '1988-10-20', n: 39, languages: ['prs'] },
    { name: 'Khadija Nur', birthDate: '1994-11-21', n: 40, languages: ['so'] },
  ];
  // RECEIVED
  let x = await refused(B, people[0], 'PARTICIPATION', 14);
  finalAppeal(await appealed(B, x.decisionId, 14));
  // UNDER_REVIEW
  x = await refused(B, people[1], 'PARTICIPATION', 18);
  finalAppeal(await reviewed(B, await appealed(B, x.decisionId, 18)));
  // FORWARDED, waiting at Statsforvalteren i Vestland
  x = await refused(B, people[2], 'PARTICIPATION', 40);
  finalAppeal(await forwarded(B, await reviewed(B, await appealed(B, x.decisionId, 40)), 20));
  // FORWARDED, then reassigned to Rogaland (Vestland disqualified, R-9.5)
  x = await refused(B, people[3], 'BENEFIT', 45);
  let a = await forwarded(B, await reviewed(B, await appealed(B, x.decisionId, 45)), 25);
  a = (
    await gql(tokens.municipality[B], P.reassign, {
      a: a.id,
      v: a.version,
      sf: 'rogaland',
      r: 'Statsforvalteren i Vestland is disqualified (inhabil) in this case.',
    })
  ).reassignAppeal;
  finalAppeal(a);
  // DECIDED_BY_STATSFORVALTER: CHANGED, the municipality's follow-up still to come
  x = await refused(B, people[4], 'PARTICIPATION', 70);
  finalAppeal(await sfDecided('vestland', await forwarded(B, await reviewed(B, await appealed(B, x.decisionId, 70)), 50), 'CHANGED'));
  // DECIDED_BY_STATSFORVALTER: QUASHED_AND_RETURNED, follow-up decision recorded
  x = await refused(B, people[5], 'PARTICIPATION', 80);
  a = await sfDecided('vestland', await forwarded(B, await reviewed(B, await appealed(B, x.decisionId, 80)), 60), 'QUASHED_AND_RETURNED');
  const follow = await decide(B, x.participantId, {
    type: 'PARTICIPATION',
    outcome: 'REFUSED',
    decidedAt: today,
    reasons: 'New handling after Statsforvalteren quashed the decision: the permit still gives no right.',
  });
  finalAppeal((await gql(tokens.municipality[B], P.followUp, { a: a.id, v: a.version, d: follow.decisionId })).recordAppealFollowUp);
  // CLOSED after Statsforvalteren UPHELD the decision
  x = await refused(B, people[6], 'PARTICIPATION', 90);
  finalAppeal(await closed(B, await sfDecided('vestland', await forwarded(B, await reviewed(B, await appealed(B, x.decisionId, 90)), 70), 'UPHELD')));
  // REVERSED: the municipality allows the appeal in full with a new decision
  x = await refused(B, people[7], 'BENEFIT', 30);
  a = await reviewed(B, await appealed(B, x.decisionId, 30));
  a = (
    await gql(tokens.municipality[B], P.reverse, {
      a: a.id,
      v: a.version,
      d: {
        type: 'BENEFIT',
        outcome: 'GRANTED',
        decidedAt: today,
        notifiedAt: today,
        reasons: 'The appeal is allowed: benefit from the start of the programme.',
        benefit: { periodFrom: d(-32) },
      },
    })
  ).reverseAppeal;
  count(summary.decisions, 'BENEFIT GRANTED');
  finalAppeal(a);
  // PARTLY_REVERSED_AND_FORWARDED: benefit granted from a later date, the rest to Statsforvalteren
  x = await refused(B, people[8], 'BENEFIT', 35);
  a = await reviewed(B, await appealed(B, x.decisionId, 35));
  a = (
    await gql(tokens.municipality[B], P.partly, {
      a: a.id,
      v: a.version,
      c: today,
      s: 'The municipality grants the benefit from the first of this month and upholds the refusal for the time before.',
      d: {
        type: 'BENEFIT',
        outcome: 'GRANTED',
        decidedAt: today,
        notifiedAt: today,
        reasons: 'Benefit granted from the first of this month.',
        benefit: { periodFrom: `${today.slice(0, 8)}01` },
      },
    })
  ).partlyReverseAndForward;
  count(summary.decisions, 'BENEFIT GRANTED');
  finalAppeal(a);
  // DISMISSED: a late appeal without a ground, then a late one accepted on a ground and forwarded
  x = await refused(B, people[9], 'PARTICIPATION', 60);
  a = await reviewed(B, await appealed(B, x.decisionId, 60, { sentAt: d(-5), receivedAt: d(-3) }));
  finalAppeal(
    (
      await gql(tokens.municipality[B], P.dismiss, {
        a: a.id,
        v: a.version,
        r: 'The appeal was sent after the three-week deadline, and no ground for considering a late appeal is given (forvaltningsloven § 31).',
      })
    ).dismissAppeal,
  );
  count(summary.decisions, 'APPEAL_DISMISSAL REFUSED'); // the dismissal is itself an appealable decision
  const late = await refused(B, { name: 'Samir Haddad', birthDate: '1987-12-12', n: 41, languages: ['ar'] }, 'PARTICIPATION', 50);
  a = await reviewed(B, await appealed(B, late.decisionId, 50, { sentAt: d(-6), receivedAt: d(-4) }));
  a = (await gql(tokens.municipality[B], P.acceptLate, { a: a.id, v: a.version, g: 'PARTY_NOT_TO_BLAME' })).acceptLateAppeal;
  finalAppeal(await forwarded(B, a, 1));
  // CLOSED: withdrawn by the appellant while under review
  const withdrawn = await refused(B, { name: 'Leila Nasser', birthDate: '1996-02-29', n: 42, languages: ['ar'] }, 'PARTICIPATION', 25);
  finalAppeal(await closed(B, await reviewed(B, await appealed(B, withdrawn.decisionId, 25)), 'The appellant withdrew the appeal by letter.'));

  // ---------------------------------------------------------------- Kinn (4602)

  const K = '4602';
  log('Kinn (4602)');
  await register(K, { name: 'Bashir Noori', birthDate: '1998-04-01', n: 51, languages: ['prs'] }, 8);
  const ayan = await register(K, { name: 'Ayan Hirsi', birthDate: '1993-06-11', n: 52, languages: ['so'] }, 210);
  await started(K, ayan, 210, { kind: 'EDUCATION', description: 'Upper-secondary, health and care' });
  count(summary.referrals, (await guidanceStarted(K, '46', ayan, 'Nursing assistant or further education?')).state);
  x = await refused(K, { name: 'Kiros Alem', birthDate: '1986-07-07', n: 53, languages: ['ti'] }, 'PARTICIPATION', 45);
  finalAppeal(await forwarded(K, await reviewed(K, await appealed(K, x.decisionId, 45)), 20));

  // ---------------------------------------------------------------- Oslo (0301)

  const O = '0301';
  log('Oslo (0301): the case from Bergen, a discretionary offer, guidance and an appeal');
  const inbox = (await gql(tokens.municipality[O], P.inbox)).incomingTransfers as { id: string; version: number; name: string }[];
  const fromBergen = inbox.find((t) => t.name === 'Ahmad Mohammed');
  if (!fromBergen) throw new Error("the transfer from Bergen is not in Oslo's inbox");
  await gql(tokens.municipality[O], P.accept, { id: fromBergen.id, v: fromBergen.version });
  count(summary.transfers, 'ACCEPTED');
  count(summary.decisions, 'PARTICIPATION GRANTED'); // the accepted case brings its participation decision along
  count(summary.transfers, 'PENDING'); // Nour Said, in Kinn's inbox
  await register(O, { name: 'Ibrahim Diallo', birthDate: '1999-03-03', n: 61, languages: ['fr', 'ff'] }, 15);
  // A discretionary offer to a person over 55: the end goal is work.
  const galina = await register(O, { name: 'Galina Petrenko', birthDate: '1966-05-05', n: 62, languages: ['uk', 'ru'], hasUpperSecondary: true }, 70);
  await planned(
    O,
    galina,
    70,
    { kind: 'WORK_PRACTICE', description: 'Work practice in a kindergarten kitchen' },
    {
      discretionary: true,
      mapping: {
        countsAsUpperSecondary: true,
        education: 'Upper-secondary school and a cook’s certificate (Kharkiv)',
        workExperience: 'Cook in a school canteen, 20 years',
        languageSkills: 'Ukrainian and Russian (native)',
      },
      planOver: {
        endGoal: 'WORK',
        mainProgrammeType: 'HIGHER_EDUCATION_OR_WORK',
        durationMonths: 12,
        longTermGoal: 'Work as a kitchen assistant',
        lifeSkillsHours: { migrationHealthDiversity: 10, careerCompetence: 15 },
      },
    },
  );
  const samira = await register(O, { name: 'Samira Benali', birthDate: '1990-01-30', n: 63, languages: ['ar', 'fr'] }, 180);
  await started(O, samira, 180, { kind: 'EDUCATION', description: 'Upper-secondary, health and care' });
  count(summary.referrals, (await refer(O, samira, 'Health worker or higher education preparation?')).state);
  x = await refused(O, { name: 'Yonas Berhe', birthDate: '1991-09-09', n: 64, languages: ['ti'] }, 'PARTICIPATION', 75);
  finalAppeal(
    await closed(
      O,
      await sfDecided('ostfold-buskerud-oslo-og-akershus', await forwarded(O, await reviewed(O, await appealed(O, x.decisionId, 75)), 55), 'UPHELD'),
    ),
  );

  // ---------------------------------------------------------------- Stavanger (1103)

  const S = '1103';
  log('Stavanger (1103)');
  const kateryna = await register(S, { name: 'Kateryna Lysenko', birthDate: '1994-12-12', n: 71, languages: ['uk'] }, 45);
  await gql(tokens.municipality[S], P.map, { id: kateryna, input: MAPPING({ completedAt: d(-30), languageSkills: 'Ukrainian (native), English B2' }) });
  const r = await refer(S, kateryna, 'Wants to work in the oil service industry.');
  count(summary.referrals, (await gql(tokens.municipality[S], P.withdraw, { id: r.id, v: r.version })).withdrawCareerGuidanceReferral.state);
  const mohammed = await register(S, { name: 'Mohammed Qasim', birthDate: '1992-08-22', n: 72, languages: ['ar', 'ku'] }, 230);
  await started(S, mohammed, 230, { kind: 'EDUCATION', description: 'Upper-secondary, technology and industrial production' });
  await guidanceSubmitted(S, '11', mohammed, 'Industrial mechanic apprenticeship?');
  count(summary.referrals, 'COMPLETED');
  const amir = await register(S, { name: 'Amir Sultani', birthDate: '1988-03-17', n: 73, languages: ['fa'] }, 780);
  await started(S, amir, 780, { kind: 'EDUCATION', description: 'Upper-secondary, building and construction' }, { planOver: { durationMonths: 24 } });
  await gql(tokens.municipality[S], P.complete, { id: amir, input: { endDate: d(-14), endGoalReached: true } });
  summary.certificates += 1;
  x = await refused(S, { name: 'Rahel Tesfamariam', birthDate: '1995-05-15', n: 74, languages: ['ti'] }, 'BENEFIT', 55);
  finalAppeal(await sfDecided('rogaland', await forwarded(S, await reviewed(S, await appealed(S, x.decisionId, 55)), 35), 'DISMISSED'));

  // ---------------------------------------------------------------- what is there now, as the API reports it

  for (const m of DEMO_MUNICIPALITIES) {
    const { caseloadSummary } = await gql(tokens.municipality[m], P.caseload);
    const byStatus = Object.fromEntries(
      (caseloadSummary.byStatus as { status: string; count: number }[]).filter((s) => s.count > 0).map((s) => [s.status, s.count]),
    );
    summary.participants[`${m} ${DEMO_NAMES[m]}`] = { total: caseloadSummary.total, ...byStatus };
  }
  return summary;
}

/** caseloadSummary.total per municipality, as the API reports it: 0 everywhere means nothing is seeded. */
export async function demoTotals(gql: Gql, tokens: DemoTokens): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const m of DEMO_MUNICIPALITIES) out[m] = (await gql(tokens.municipality[m], P.caseload)).caseloadSummary.total;
  return out;
}

/** caseloadSummary.total per demo municipality right after seeding (test/e2e/seed-demo.test.ts checks it). */
export const DEMO_EXPECTED_TOTALS: Record<string, number> = { '4601': 26, '4602': 3, '0301': 5, '1103': 4 };
