import { z } from 'zod';
import { Domain, Industry, Region } from '../taxonomy';
import { CodeList, Id, Text, Timestamp } from './common';
import { MetPair, RoadshowReport } from './roadshow-event';

export const RoadshowKind = z.enum(['roadshow', 'matchmaking', 'park', 'forum']).describe('场景路演 roadshow · 供需对接会 matchmaking · 进园区 park · 论坛分会 forum');
export type RoadshowKind = z.infer<typeof RoadshowKind>;

export const Venue = z
  .object({ address: Text(300), region: Region, park: Text(100).optional().describe('产业园区（可选）') })
  .strict()
  .meta({ id: 'RoadshowVenue' });
export type Venue = z.infer<typeof Venue>;

const Instant = z.iso.datetime({ offset: true }).describe('ISO-8601 date-time');

export const Break = z.object({ startsAt: Instant, endsAt: Instant, label: Text(40).optional() }).strict();
export type Break = z.infer<typeof Break>;

/** The fields that make a roadshow an event; all or none (kind and breaks have defaults). */
const EVENT_REQUIRED = ['venue', 'startsAt', 'endsAt', 'rooms', 'slotMinutes', 'capacity', 'rsvpBy'] as const;

const RoadshowFields = z.object({
  title: Text(200),
  date: z.iso.date().optional().describe('活动日期；填写 startsAt 时可省略（取北京时间日期）'),
  industries: CodeList(Industry).optional(),
  domains: CodeList(Domain).optional(),
  scenarioIds: z.array(Id).min(1).max(500).optional(),
  maxScenarios: z.number().int().min(1).max(200),
  platformsPerScenario: z.number().int().min(1).max(20),
  maxSlotsPerPlatform: z.number().int().min(1).max(50),
  // Event fields (issue 20). Old bodies without them keep composing an untimed agenda.
  kind: RoadshowKind.optional(),
  venue: Venue.optional(),
  startsAt: Instant.optional(),
  endsAt: Instant.optional(),
  rooms: z.number().int().min(1).max(4).optional().describe('并行分会场数 1–4'),
  slotMinutes: z.number().int().min(5).max(240).optional(),
  capacity: z.number().int().min(1).max(5000).optional().describe('观众席位'),
  rsvpBy: Instant.optional().describe('回复截止时间（rsvpBy ≤ startsAt）'),
  breaks: z.array(Break).max(10).optional(),
});

const ms = (iso: string) => Date.parse(iso);

/** Beijing calendar date of an instant (the events are in Qingdao). */
export const shanghaiDate = (iso: string) => new Date(ms(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

export const RoadshowInput = RoadshowFields.strict()
  .superRefine((d, ctx) => {
    const given = EVENT_REQUIRED.filter((k) => d[k] !== undefined);
    const isEvent = given.length > 0 || d.kind !== undefined || d.breaks !== undefined;
    if (!isEvent) {
      if (d.date === undefined) ctx.addIssue({ code: 'custom', path: ['date'], message: '请填写日期 / date is required' });
      return;
    }
    for (const k of EVENT_REQUIRED) {
      if (d[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: `活动须填写 ${k} / An event needs ${k}` });
    }
    if (!d.startsAt || !d.endsAt || !d.rsvpBy) return;
    if (!(ms(d.rsvpBy) <= ms(d.startsAt))) ctx.addIssue({ code: 'custom', path: ['rsvpBy'], message: '回复截止须不晚于开始时间 / rsvpBy must be at or before startsAt' });
    if (!(ms(d.startsAt) < ms(d.endsAt))) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束须晚于开始 / endsAt must be after startsAt' });
    if (ms(d.endsAt) - ms(d.startsAt) > 3 * 86_400_000) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '活动最长三天 / An event lasts at most three days' });
    if (d.date !== undefined && d.date !== shanghaiDate(d.startsAt)) ctx.addIssue({ code: 'custom', path: ['date'], message: '日期须与开始时间一致 / date must be the day of startsAt' });
    (d.breaks ?? []).forEach((b, i) => {
      if (!(ms(b.startsAt) < ms(b.endsAt)) || ms(b.startsAt) < ms(d.startsAt!) || ms(b.endsAt) > ms(d.endsAt!))
        ctx.addIssue({ code: 'custom', path: ['breaks', i], message: '休息时段须在活动时间内且开始早于结束 / A break must lie within the event and end after it starts' });
    });
  })
  .meta({ id: 'RoadshowInput' });
export type RoadshowInput = z.infer<typeof RoadshowInput>;

/** Editing an event's venue or time (PATCH); after publishing every invitee is told. */
export const RoadshowPatch = z
  .object({
    title: Text(200).optional(),
    venue: Venue.optional(),
    startsAt: Instant.optional().describe('新的开始时间：议程整体平移'),
    endsAt: Instant.optional(),
    rsvpBy: Instant.optional(),
    capacity: z.number().int().min(1).max(5000).optional(),
  })
  .strict()
  .refine((d) => Object.keys(d).length > 0, { message: '没有要修改的内容 / Nothing to change' })
  .meta({ id: 'RoadshowPatch' });
export type RoadshowPatch = z.infer<typeof RoadshowPatch>;

export const AgendaPlatform = z.object({ platformId: z.string(), platformName: z.string(), score: z.number() });

export const AgendaEntry = z.object({
  scenarioId: z.string(),
  scenarioTitle: z.string(),
  platforms: z.array(AgendaPlatform),
  // Events only: where and when, and who presents.
  room: z.number().int().optional().describe('分会场 1…rooms'),
  startsAt: Timestamp.optional(),
  endsAt: Timestamp.optional(),
  ownerOrg: z.string().optional().describe('presenting manufacturer (enterprise id)'),
  enterpriseName: z.string().optional(),
});
export type AgendaEntry = z.infer<typeof AgendaEntry>;

export const RoadshowStatus = z.enum(['composing', 'composed', 'published', 'closed', 'reported']);
export type RoadshowStatus = z.infer<typeof RoadshowStatus>;

export const RoadshowStep = z.object({ status: RoadshowStatus, at: Timestamp, note: z.string().optional() });

export const Roadshow = RoadshowFields.extend({
  id: z.string(),
  status: RoadshowStatus.describe('composing (draft, being composed) → composed → published → closed → reported'),
  agenda: z.array(AgendaEntry),
  totalScore: z.number().optional(),
  optimal: z.boolean().optional(),
  /** Events: the solver's proven upper bound on the score (equals totalScore when optimal). */
  scoreUpperBound: z.number().optional(),
  unassignedScenarioIds: z.array(z.string()).optional(),
  createdAt: Timestamp,
  composedAt: Timestamp.optional(),
  publishedAt: Timestamp.optional(),
  closedAt: Timestamp.optional(),
  reportedAt: Timestamp.optional(),
  history: z.array(RoadshowStep).optional(),
  /** Bumped on every write after composition; PATCH accepts If-Match. */
  version: z.number().int().optional(),
  /** Audience registrations so far (confirmed seats, not the wait list). */
  registered: z.number().int().optional(),
  waitlisted: z.number().int().optional(),
  /** Set at close: the pairings that met and the lead each became (or was linked to). */
  metPairs: z.array(MetPair).optional(),
  /** Set at reported: the figures as of that moment. */
  report: RoadshowReport.optional(),
  recomposedAt: Timestamp.optional(),
  hostDistrict: Region.optional().describe('a district-hosted event (区级活动): the 区（市） that runs it, for its region\'s scenarios; absent for the city\'s'),
}).meta({ id: 'Roadshow' });
export type Roadshow = z.infer<typeof Roadshow>;

export const isEvent = (r: Pick<Roadshow, 'startsAt'>) => r.startsAt !== undefined;
