import { dueAssessments } from '#db/indicators';
import { sendScenarioDigests } from './subscriptions';
import { roadshowsComposing } from '#db/roadshows';
import { allScenariosByStatus } from '#db/scenarios';
import type { Deps } from '#runtime/deps';
import { storeOf } from './store';
import { clearPairingsDue, pairingsDue } from '#db/pairings';
import { batchGet } from '#db/store';
import { leadId, remindStaleLeads } from './leads';
import { allRounds, applicationsDue } from '#db/rounds';
import { finishPublishing } from './yearly-directory';
import { deadLetterCounts } from '#queue/dead-letters';
import { anonymiseExpiredObjectionContacts } from './objection-contacts';
import { finishOwedNotices } from './roadshow-events';

export interface ReconcileReport {
  published: number;
  matching: number;
  assessments: number;
  roadshows: number;
  pairings: number;
  applications: number;
  publishing: number;
  /** Leads with no move for 30 days whose platform was reminded in this pass. */
  reminders: number;
  /** Objectors' contacts erased in this pass because their retention period ended. */
  anonymised: number;
  /** Roadshow invitations/changes whose notification a crashed step still owed, delivered now (once). */
  roadshowNotices: number;
  /** Daily digests of new scenarios sent to subscribed platforms in this pass. */
  digests: number;
  /** Messages waiting in dead-letter queues (all queues together); per queue in the log. */
  deadLetters: number;
}

/** Re-sends owed pairings whose lead does not exist yet; clears a marker once all its leads do. */
async function redrivePairings(deps: Deps, cutoff: string): Promise<number> {
  const s = storeOf(deps);
  let resent = 0;
  for (const due of await pairingsDue(s, cutoff)) {
    const ids = due.pairings.map((p) => leadId(p.scenarioId, p.platformId, p.roadshowId));
    const existing = new Set((await batchGet<{ id: string }>(s, ids.map((id) => ({ pk: `LEAD#${id}`, sk: 'META' })))).map((l) => l.id));
    const missing = due.pairings.filter((_, i) => !existing.has(ids[i]!));
    if (missing.length === 0) await clearPairingsDue(s, due.source);
    else await deps.publisher.sendBatch('pairing', missing);
    resent += missing.length;
  }
  return resent;
}

/**
 * Re-drives work that DynamoDB says is unfinished and older than the deadline. Every consumer is
 * idempotent, so re-sending something that is merely slow costs a little work and nothing else.
 */
export async function reconcile(deps: Deps, opts: { olderThanSec: number }): Promise<ReconcileReport> {
  const s = storeOf(deps);
  const cutoff = new Date(deps.now().getTime() - opts.olderThanSec * 1000).toISOString();
  const [published, matching, due, roadshows, appsDue, rounds] = await Promise.all([
    allScenariosByStatus(s, 'published', cutoff),
    allScenariosByStatus(s, 'matching', cutoff),
    dueAssessments(s, cutoff),
    roadshowsComposing(s),
    applicationsDue(s, cutoff),
    allRounds(s),
  ]);
  await deps.publisher.sendBatch('embed', published.map((sc) => ({ type: 'ScenarioPublished' as const, scenarioId: sc.id })));
  await deps.publisher.sendBatch('match', matching.map((sc) => ({ type: 'MatchScenario' as const, scenarioId: sc.id })));
  await deps.publisher.sendBatch('assess', due.map((d) => ({ type: 'IndicatorsReported' as const, platformId: d.platformId, year: d.year, version: d.version })));
  const stale = roadshows.filter((r) => r.createdAt <= cutoff);
  await deps.publisher.sendBatch('roadshow', stale.map((r) => ({ type: 'ComposeRoadshow' as const, roadshowId: r.id })));
  const pairings = await redrivePairings(deps, cutoff);
  await deps.publisher.sendBatch('assess', appsDue.map((a) => ({ type: 'AssessApplication' as const, applicationId: a.id, submission: a.submissions })));
  // A round left half-published by a process that died: finishing it is idempotent.
  const publishing = rounds.filter((r) => r.status === 'publishing' && (r.publishingAt ?? '') <= cutoff);
  for (const r of publishing) await finishPublishing(deps, r);
  const report = {
    published: published.length,
    matching: matching.length,
    assessments: due.length,
    roadshows: stale.length,
    pairings,
    applications: appsDue.length,
    publishing: publishing.length,
    reminders: await remindStaleLeads(deps),
    anonymised: await anonymiseExpiredObjectionContacts(deps),
    roadshowNotices: await finishOwedNotices(deps, cutoff),
    digests: await sendScenarioDigests(deps),
    deadLetters: 0,
  };
  const waiting = await deadLetterCounts(deps.sqs, deps.resources.deadLetterUrls ?? {});
  report.deadLetters = Object.values(waiting).reduce((a, b) => a + (b ?? 0), 0);
  // An error line every pass while anything waits: what a log-based alarm watches (README, Deploying).
  if (report.deadLetters > 0) deps.log.error('dead letters waiting', { deadLetters: waiting });
  if (Object.values(report).some((n) => n > 0)) deps.log.info('reconciled', { ...report });
  return report;
}
