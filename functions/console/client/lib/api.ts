// The console's one way to call the JSON API: adds the token, parses the error body, and types
// each endpoint's request and response with z.input / z.infer of the schemas the server validates
// with. Type-only imports: no zod reaches the browser bundle.
import type { z } from 'zod';
import type { ErrorCode, ErrorDetail } from '#core/errors';
import type { IndicatorReport } from '#core/indicators';
import type { Assessment } from '#core/maturity/assess';
import type { Scope } from '#core/accounts/api-key';
import type { FunnelView } from '#core/funnel';
import type { ApiKeyCreated, ApiKeyView, Invitation, InvitationInput, Me, Member, MemberRole, Organisation, OrganisationInput } from '#core/schemas/account';
import type { ConfirmInput, DeclineInput, Lead, LeadStatus, ProgressInput, RatingInput } from '#core/schemas/lead';
import type { Platform, PlatformInput } from '#core/schemas/platform';
import type { Roadshow, RoadshowInput } from '#core/schemas/roadshow';
import type { Scenario, ScenarioInput } from '#core/schemas/scenario';
import type { Selection, SelectionBody, SelectionInput } from '#core/schemas/selection';
import type { CatalogueItem, Proposal, ProposalInput, SearchHit } from '#core/schemas/proposal';
import type { DistrictRow } from '#core/schemas/district';
import type { Subscription, SubscriptionInput } from '#core/schemas/subscription';
import type { Solution, SolutionInput } from '#core/schemas/solution';
import type { Evidence, EvidenceInput, EvidenceUpload as EvidenceUploadSchema } from '#core/schemas/evidence';
import type { Expert, ExpertInput, ExpertRetireInput, Recommendations, Review, ReviewAssignInput } from '#core/schemas/review';
import type { DataRequestConfirm, DataRequestCreated, DataRequestInput, DataRequestResult, DeletionReport, PersonalData } from '#core/schemas/personal-data';
import type { Application, DirectoryYear, EndorseInput, NoticeInput, Objection, ObjectionContact, ObjectionInput, PublicNotice, ResolveInput, ReturnInput, Round, RoundInput } from '#core/schemas/round';
import type { Criterion, Rubric } from '#core/review/rubric';
import type { DefenceScore, DefenceSession, DefenceSessionInput, FinalList, QuotaInput, RecommendationPlan, UpstreamLevel } from '#core/schemas/defence';
import type { Adjustments, TrackingCase, TrackingDecisionInput, TrackingRun } from '#core/schemas/tracking';
import type { EligibleRow, Grant, PaymentInput, Programme, ProgrammeInput } from '#core/schemas/support';
import type { Diagnosis, DiagnosisReportInput } from '#core/schemas/diagnosis';
import type { Accepted } from '../../../api/routes/indicators';
import type { DirectoryRow } from '../../../api/routes/platforms';
import type { RoadshowCreated } from '../../../api/routes/roadshows';
import type { MatchesView } from '../../../api/routes/scenarios';
import type { Bottlenecks, Overview, Portrait, RegisterRow } from '../../../api/routes/stats';
import type { errorBody } from '../../../api/middleware/errors';
import type { DevToken, DevTokenInput } from '../../pages/dev-token';
import { token } from './session';

export interface Page<T> {
  items: T[];
  cursor: string | null;
}
export type MatchesView = z.infer<typeof MatchesView>;
export type DirectoryRow = z.infer<typeof DirectoryRow>;
export type Overview = z.infer<typeof Overview>;
export type RegisterRow = z.infer<typeof RegisterRow>;
export type Portrait = z.infer<typeof Portrait>;
export type Bottlenecks = z.infer<typeof Bottlenecks>;
type ErrorBody = ReturnType<typeof errorBody>;
export type EvidenceUpload = z.infer<typeof EvidenceUploadSchema>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A refusal from the API: HTTP status, the contract's stable code, its zh/en message and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | undefined,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

function isErrorBody(x: unknown): x is ErrorBody {
  return typeof x === 'object' && x !== null && 'error' in x && typeof (x as ErrorBody).error?.message === 'string';
}

async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, 'application/json', body);
  const text = await res.text();
  return (text ? JSON.parse(text) : null) as T;
}

/** A file the API serves only to a signed-in caller (an .xlsx export): a link cannot carry the token. */
export async function download(path: string, accept: string): Promise<Blob> {
  return (await send('GET', path, accept)).blob();
}

async function send(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, accept: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept };
  const t = token();
  if (t) headers.authorization = `Bearer ${t}`;
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  if (res.ok) return res;
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  const e = isErrorBody(data) ? data.error : undefined;
  throw new ApiError(res.status, e?.code, e?.message ?? `HTTP ${res.status}`, e?.details ?? []);
}

/** null for 404 (not registered, not assessed yet …), any other error is thrown. */
export async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

const seg = encodeURIComponent;
const query = (q: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') s.set(k, String(v));
  return s.toString();
};

export const api = {
  devToken: (body: DevTokenInput) => request<DevToken>('POST', '/dev/token', body),

  // issue 21: the public 场景清单, 揭榜 and search by need
  catalogue: (q: { industry?: string; domain?: string; region?: string; q?: string }) =>
    request<{ items: CatalogueItem[] }>('GET', `/v1/public/scenarios?${query(q)}`),
  search: (q: { q: string; industry?: string }) => request<{ items: SearchHit[] }>('GET', `/v1/public/directory/search?${query(q)}`),
  proposals: {
    create: (scenarioId: string, body: ProposalInput) => request<Proposal>('POST', `/v1/scenarios/${seg(scenarioId)}/proposals`, body),
    list: (scenarioId: string) => request<{ items: Proposal[] }>('GET', `/v1/scenarios/${seg(scenarioId)}/proposals`),
    accept: (id: string) => request<{ proposal: Proposal; lead: Lead }>('POST', `/v1/proposals/${seg(id)}/accept`),
    decline: (id: string, reason: string) => request<Proposal>('POST', `/v1/proposals/${seg(id)}/decline`, { reason }),
  },
  subscription: {
    get: (platformId: string) => request<Subscription>('GET', `/v1/platforms/${seg(platformId)}/subscription`),
    set: (platformId: string, body: SubscriptionInput) => request<Subscription>('PUT', `/v1/platforms/${seg(platformId)}/subscription`, body),
  },

  scenarios: {
    list: () => request<Page<Scenario>>('GET', '/v1/scenarios?limit=100'),
    get: (id: string) => request<Scenario>('GET', `/v1/scenarios/${seg(id)}`),
    create: (body: z.input<typeof ScenarioInput>) => request<Scenario>('POST', '/v1/scenarios', body),
    publish: (id: string) => request<Scenario>('POST', `/v1/scenarios/${seg(id)}/publish`),
    matches: (id: string) => request<MatchesView>('GET', `/v1/scenarios/${seg(id)}/matches`),
  },

  leads: {
    list: (status?: LeadStatus) => request<Page<Lead>>('GET', `/v1/leads?${query({ limit: 100, status })}`),
    page: (status?: LeadStatus, cursor?: string) => request<Page<Lead>>('GET', `/v1/leads?${query({ limit: 50, status, cursor })}`),
    accept: (id: string) => request<Lead>('POST', `/v1/leads/${seg(id)}/accept`),
    decline: (id: string, body: z.input<typeof DeclineInput>) => request<Lead>('POST', `/v1/leads/${seg(id)}/decline`, body),
    progress: (id: string, body: z.input<typeof ProgressInput>) => request<Lead>('POST', `/v1/leads/${seg(id)}/progress`, body),
    confirm: (id: string, body: z.input<typeof ConfirmInput>) => request<Lead>('POST', `/v1/leads/${seg(id)}/confirm`, body),
    rate: (id: string, body: z.input<typeof RatingInput>) => request<Lead>('POST', `/v1/leads/${seg(id)}/rating`, body),
    ofScenario: (scenarioId: string) => request<{ items: Lead[] }>('GET', `/v1/scenarios/${seg(scenarioId)}/leads`),
  },

  platforms: {
    get: (id: string) => request<Platform>('GET', `/v1/platforms/${seg(id)}`),
    register: (body: z.input<typeof PlatformInput>) => request<Platform>('POST', '/v1/platforms', body),
    solutions: (id: string) => request<Page<Solution>>('GET', `/v1/platforms/${seg(id)}/solutions`),
    addSolution: (id: string, body: z.input<typeof SolutionInput>) => request<Solution>('POST', `/v1/platforms/${seg(id)}/solutions`, body),
    deleteSolution: (id: string, sid: string) => request<null>('DELETE', `/v1/platforms/${seg(id)}/solutions/${seg(sid)}`),
    report: (id: string, year: string, body: z.input<typeof IndicatorReport>) =>
      request<z.infer<typeof Accepted>>('PUT', `/v1/platforms/${seg(id)}/indicators/${seg(year)}`, body),
    assessment: (id: string) => request<Assessment>('GET', `/v1/platforms/${seg(id)}/assessment`),
    portrait: (id: string) => request<Portrait>('GET', `/v1/platforms/${seg(id)}/portrait`),
    selections: (id: string) => request<{ items: Selection[] }>('GET', `/v1/platforms/${seg(id)}/selections`),
    recordSelection: (id: string, year: number, by: SelectionBody, body: SelectionInput) =>
      request<Selection>('PUT', `/v1/platforms/${seg(id)}/selections/${year}/${by}`, body),
    funnel: (id: string) => request<FunnelView>('GET', `/v1/platforms/${seg(id)}/funnel`),
    reportedYears: (id: string) => request<Page<{ year: number; version: number }>>('GET', `/v1/platforms/${seg(id)}/indicators`),
  },

  directory: (q: { category?: string; level?: string; region?: string; cursor?: string | null }) =>
    request<Page<DirectoryRow>>('GET', `/v1/directory?${query({ limit: 50, ...q, cursor: q.cursor ?? undefined })}`),

  stats: {
    overview: () => request<Overview>('GET', '/v1/stats/overview'),
    districts: () => request<{ items: DistrictRow[] }>('GET', '/v1/stats/districts'),
    districtsXlsx: () => download('/v1/stats/districts?format=xlsx', XLSX),
    platforms: () => request<Page<RegisterRow>>('GET', '/v1/stats/platforms'),
    bottlenecks: () => request<Bottlenecks>('GET', '/v1/stats/bottlenecks'),
  },

  reviews: {
    mine: () => request<Page<Review>>('GET', '/v1/reviews'),
    save: (id: string, scores: Record<string, number>, comment: string) => request<Review>('PUT', `/v1/reviews/${seg(id)}`, { scores, comment }),
    submit: (id: string) => request<Review>('POST', `/v1/reviews/${seg(id)}/submit`),
    rubric: () => request<Rubric>('GET', '/v1/review-rubrics'),
  },

  applications: {
    get: (id: string) => request<Application>('GET', `/v1/applications/${seg(id)}`),
    evidence: (id: string) => request<Page<Evidence>>('GET', `/v1/applications/${seg(id)}/evidence`),
    declareEvidence: (id: string, body: z.input<typeof EvidenceInput>) => request<EvidenceUpload>('POST', `/v1/applications/${seg(id)}/evidence`, body),
    verifyEvidence: (id: string, evidenceId: string) => request<Evidence>('POST', `/v1/applications/${seg(id)}/evidence/${seg(evidenceId)}/verify`),
    withdrawEvidence: (id: string, evidenceId: string) => request<null>('DELETE', `/v1/applications/${seg(id)}/evidence/${seg(evidenceId)}`),
    submit: (id: string) => request<Application>('POST', `/v1/applications/${seg(id)}/submit`),
    return: (id: string, body: z.input<typeof ReturnInput>) => request<Application>('POST', `/v1/applications/${seg(id)}/return`, body),
    endorse: (id: string, body: z.input<typeof EndorseInput>) => request<Application>('POST', `/v1/applications/${seg(id)}/endorse`, body),
  },

  rounds: {
    list: () => request<Page<Round>>('GET', '/v1/rounds'),
    create: (body: z.input<typeof RoundInput>) => request<Round>('POST', '/v1/rounds', body),
    close: (id: string) => request<Round>('POST', `/v1/rounds/${seg(id)}/close`),
    startNotice: (id: string, body: z.input<typeof NoticeInput>) => request<Round>('POST', `/v1/rounds/${seg(id)}/notice`, body),
    publish: (id: string) => request<DirectoryYear>('POST', `/v1/rounds/${seg(id)}/publish`),
    applications: (id: string) => request<Page<Application>>('GET', `/v1/rounds/${seg(id)}/applications`),
    apply: (id: string, platformId: string) => request<Application>('POST', `/v1/rounds/${seg(id)}/applications`, { platformId }),
    objections: (id: string) => request<Page<Objection>>('GET', `/v1/rounds/${seg(id)}/objections`),
    resolve: (objectionId: string, body: z.input<typeof ResolveInput>) => request<Objection>('POST', `/v1/objections/${seg(objectionId)}/resolve`, body),
    /** The objector's full contact; the API writes an audit entry. */
    objectionContact: (objectionId: string) => request<z.infer<typeof ObjectionContact>>('POST', `/v1/objections/${seg(objectionId)}/contact`),
    notice: (roundId: string) => request<z.infer<typeof PublicNotice>>('GET', `/v1/public/notices/${seg(roundId)}`),
    object: (roundId: string, body: z.input<typeof ObjectionInput>) => request<{ id: string }>('POST', `/v1/public/notices/${seg(roundId)}/objections`, body),
    directoryYear: (year: number) => request<DirectoryYear>('GET', `/v1/directory/${year}`),
    assign: (id: string, body: z.input<typeof ReviewAssignInput>) => request<{ items: Review[] }>('POST', `/v1/rounds/${seg(id)}/reviews`, body),
    reviews: (id: string) => request<Page<Review>>('GET', `/v1/reviews?${query({ roundId: id })}`),
    recommendations: (id: string) => request<Recommendations>('GET', `/v1/rounds/${seg(id)}/recommendations`),
    recommendationsXlsx: (id: string) => download(`/v1/rounds/${seg(id)}/recommendations.xlsx`, XLSX),
  },

  // issue 25: recommending upward (quotas, 答辩, final list) and yearly tracking
  recommend: {
    quotas: (roundId: string) => request<RecommendationPlan>('GET', `/v1/rounds/${seg(roundId)}/quotas`),
    setQuotas: (roundId: string, body: z.input<typeof QuotaInput>) => request<RecommendationPlan>('PUT', `/v1/rounds/${seg(roundId)}/quotas`, body),
    defences: (roundId: string) => request<{ items: DefenceSession[] }>('GET', `/v1/rounds/${seg(roundId)}/defences`),
    schedule: (roundId: string, body: z.input<typeof DefenceSessionInput>) => request<DefenceSession>('POST', `/v1/rounds/${seg(roundId)}/defences`, body),
    session: (id: string) => request<DefenceSession & { scores: DefenceScore[]; rubric: { version: string; criteria: Criterion[] } }>('GET', `/v1/defences/${seg(id)}`),
    score: (id: string, applicationId: string, body: { scores: Record<string, number>; comment: string }) => request<DefenceScore>('PUT', `/v1/defences/${seg(id)}/scores/${seg(applicationId)}`, body),
    finalList: (roundId: string, level: UpstreamLevel) => request<FinalList>('GET', `/v1/rounds/${seg(roundId)}/final-lists/${level}`),
    fix: (roundId: string, level: UpstreamLevel) => request<FinalList>('POST', `/v1/rounds/${seg(roundId)}/final-lists/${level}`, {}),
    finalListXlsx: (roundId: string, level: UpstreamLevel) => download(`/v1/rounds/${seg(roundId)}/final-lists/${level}?format=xlsx`, XLSX),
    finalListPdf: (roundId: string, level: UpstreamLevel) => download(`/v1/rounds/${seg(roundId)}/final-lists/${level}?format=pdf`, 'application/pdf'),
  },
  diagnoses: {
    mine: () => request<{ items: Diagnosis[] }>('GET', '/v1/diagnoses'),
    report: (id: string, body: DiagnosisReportInput) => request<Diagnosis>('PUT', `/v1/diagnoses/${seg(id)}/report`, body),
  },
  support: {
    list: () => request<{ items: Programme[] }>('GET', '/v1/support-programmes'),
    create: (body: z.input<typeof ProgrammeInput>) => request<Programme>('POST', '/v1/support-programmes', body),
    eligibility: (id: string) => request<{ items: EligibleRow[] }>('GET', `/v1/support-programmes/${seg(id)}/eligibility`),
    nominate: (id: string, platformId: string) => request<Grant>('POST', `/v1/support-programmes/${seg(id)}/grants`, { platformId }),
    apply: (id: string, platformId: string, note?: string) => request<Grant>('POST', `/v1/support-programmes/${seg(id)}/grants`, { platformId, ...(note ? { note } : {}) }),
    grantsOf: (platformId: string) => request<{ items: Grant[] }>('GET', `/v1/platforms/${seg(platformId)}/grants`),
    approve: (grantId: string) => request<Grant>('POST', `/v1/grants/${seg(grantId)}/approve`, {}),
    pay: (grantId: string, body: PaymentInput) => request<Grant>('POST', `/v1/grants/${seg(grantId)}/payments`, body),
    ledger: (id: string) => request<{ programme: Programme; grants: Grant[] }>('GET', `/v1/support-programmes/${seg(id)}/ledger`),
    ledgerXlsx: (id: string) => download(`/v1/support-programmes/${seg(id)}/ledger?format=xlsx`, XLSX),
  },
  tracking: {
    run: (year: number) => request<TrackingRun>('POST', `/v1/tracking/${year}/run`, {}),
    cases: (year: number) => request<{ items: TrackingCase[] }>('GET', `/v1/tracking/${year}/cases`),
    reply: (id: string, text: string) => request<TrackingCase>('POST', `/v1/tracking-cases/${seg(id)}/reply`, { text }),
    decide: (id: string, body: z.input<typeof TrackingDecisionInput>) => request<TrackingCase>('POST', `/v1/tracking-cases/${seg(id)}/decide`, body),
    publish: (year: number) => request<Adjustments>('POST', `/v1/tracking/${year}/publish`),
  },

  experts: {
    list: () => request<Page<Expert>>('GET', '/v1/experts'),
    register: (body: z.input<typeof ExpertInput>) => request<Expert>('POST', '/v1/experts', body),
    retire: (id: string, body: z.input<typeof ExpertRetireInput>) => request<Expert>('POST', `/v1/experts/${seg(id)}/retire`, body),
  },

  roadshows: {
    list: () => request<Page<Roadshow>>('GET', '/v1/roadshows'),
    create: (body: z.input<typeof RoadshowInput>) => request<z.infer<typeof RoadshowCreated>>('POST', '/v1/roadshows', body),
  },

  me: () => request<Me>('GET', '/v1/me'),
  myData: {
    get: () => request<PersonalData>('GET', '/v1/me/data'),
    delete: () => request<DeletionReport>('POST', '/v1/me/data/deletion', { confirm: true }),
    ask: (body: z.input<typeof DataRequestInput>) => request<z.infer<typeof DataRequestCreated>>('POST', '/v1/public/data-requests', body),
    confirm: (id: string, body: z.input<typeof DataRequestConfirm>) => request<z.infer<typeof DataRequestResult>>('POST', `/v1/public/data-requests/${seg(id)}/confirm`, body),
  },
  organisations: {
    create: (body: z.input<typeof OrganisationInput>) => request<Organisation>('POST', '/v1/organisations', body),
    members: (id: string) => request<Page<Member>>('GET', `/v1/organisations/${seg(id)}/members`),
    setRole: (id: string, userId: string, role: MemberRole) => request<Member>('PATCH', `/v1/organisations/${seg(id)}/members/${seg(userId)}`, { role }),
    remove: (id: string, userId: string) => request<null>('DELETE', `/v1/organisations/${seg(id)}/members/${seg(userId)}`),
    invitations: (id: string) => request<Page<Invitation>>('GET', `/v1/organisations/${seg(id)}/invitations`),
    invite: (id: string, body: z.input<typeof InvitationInput>) => request<Invitation>('POST', `/v1/organisations/${seg(id)}/invitations`, body),
  },
  invitations: {
    accept: (id: string) => request<Member>('POST', `/v1/invitations/${seg(id)}/accept`),
  },
  apiKeys: {
    list: () => request<Page<ApiKeyView>>('GET', '/v1/api-keys'),
    create: (name: string, scopes: Scope[]) => request<z.infer<typeof ApiKeyCreated>>('POST', '/v1/api-keys', { name, scopes }),
    revoke: (id: string) => request<null>('DELETE', `/v1/api-keys/${seg(id)}`),
  },
};

// --- roadshow events (issue 20) ---------------------------------------------------------------
type RsInvitation = import('#core/schemas/roadshow-event').RoadshowInvitation;
type RsReport = import('#core/schemas/roadshow-event').RoadshowReport;
type RsRegistration = Omit<import('#core/schemas/roadshow-event').RoadshowRegistration, 'expiresAt'> & { contactMasked: true };
type RsCheckIn = z.infer<typeof import('#core/schemas/roadshow-event').CheckInResult>;
type RsPublic = z.infer<typeof import('../../../api/routes/roadshows').PublicRoadshow>;
export type { RsInvitation, RsReport, RsRegistration, RsCheckIn, RsPublic };

export const rsApi = {
  get: (id: string) => request<Roadshow>('GET', `/v1/roadshows/${seg(id)}`),
  publish: (id: string) => request<{ invitations: number }>('POST', `/v1/roadshows/${seg(id)}/publish`),
  recompose: (id: string) => request<{ addedPlatforms: number; addedScenarios: number; notified: number }>('POST', `/v1/roadshows/${seg(id)}/recompose`),
  invitations: (id: string) => request<{ items: RsInvitation[] }>('GET', `/v1/roadshows/${seg(id)}/invitations`),
  registrations: (id: string) => request<{ items: RsRegistration[] }>('GET', `/v1/roadshows/${seg(id)}/registrations`),
  checkIn: (id: string, checkInCode: string) => request<RsCheckIn>('POST', `/v1/roadshows/${seg(id)}/check-ins`, { checkInCode }),
  close: (id: string) => request<{ metPairs: unknown[] }>('POST', `/v1/roadshows/${seg(id)}/close`, {}),
  report: (id: string) => request<RsReport>('GET', `/v1/roadshows/${seg(id)}/report`),
  finishReport: (id: string) => request<RsReport>('POST', `/v1/roadshows/${seg(id)}/report`),
  exportXlsx: (id: string) => download(`/v1/roadshows/${seg(id)}/registrations.xlsx`, XLSX),
  mine: () =>
    request<{
      items: {
        roadshow: Omit<RsPublic, 'capacity' | 'seatsLeft' | 'registrationOpen'>;
        invitations: RsInvitation[];
        pairs: { scenarioId: string; platformId: string; scenarioTitle: string; platformName: string; myStars: number | null }[];
      }[];
    }>('GET', '/v1/my/roadshows'),
  reply: (invitationId: string, body: { accept: boolean; reason?: string; note?: string }) => request<RsInvitation>('POST', `/v1/roadshow-invitations/${seg(invitationId)}/reply`, body),
  rate: (id: string, body: { scenarioId: string; platformId: string; stars: number }) => request<unknown>('POST', `/v1/roadshows/${seg(id)}/ratings`, body),
  public: (id: string) => request<RsPublic>('GET', `/v1/public/roadshows/${seg(id)}`),
  register: (id: string, body: { name: string; enterprise: string; contact: string; interests?: string[]; noticeVersion?: string }) =>
    request<{ id: string; checkInCode: string; waitlisted: boolean; qrSvg: string }>('POST', `/v1/public/roadshows/${seg(id)}/registrations`, body),
};
