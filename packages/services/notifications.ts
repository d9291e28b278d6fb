import { levelZh } from '#core/labels';
import { deterministicId } from '#core/ids';
import type { Principal } from '#core/principal';
import { forbidden } from '#core/errors';
import { institutionOrgId } from '#core/schemas/account';
import type { Diagnosis } from '#core/schemas/diagnosis';
import type { Review } from '#core/schemas/review';
import type { Application, DirectoryEntry } from '#core/schemas/round';
import { inboxPage } from '#notify/inbox';
import type { Notification } from '#notify/port';
import type { Deps } from '#runtime/deps';
import { storeOf } from './store';

// What each state change tells whom. Ids are derived from the change itself, so a step that runs
// twice (a redelivered message, a retried request) notifies once.

const toPlatform = (a: Pick<Application, 'platformId'>) => ({ kind: 'platform' as const, id: a.platformId });

export function applicationAssessed(a: Application): Notification {
  return {
    id: deterministicId('ntf', a.id, 'assessed', String(a.submissions)),
    recipient: toPlatform(a),
    event: 'application.assessed',
    title: { zh: `${a.year}年度培优申报已评定`, en: `Your ${a.year} application was assessed` },
    body: { zh: `${a.platformName}：评定为${levelZh(a.level ?? 0)}。`, en: `${a.platformName}: level ${a.level ?? 0}.` },
    ref: `applications/${a.id}`,
    at: a.assessedAt!,
  };
}

export function applicationReturned(a: Application, comment: string): Notification {
  return {
    id: deterministicId('ntf', a.id, 'returned', String(a.version)),
    recipient: toPlatform(a),
    event: 'application.returned',
    title: { zh: `${a.year}年度培优申报被退回补正`, en: `Your ${a.year} application was returned for correction` },
    body: { zh: `补正意见：${comment}`, en: `Comment: ${comment}` },
    ref: `applications/${a.id}`,
    at: a.updatedAt,
  };
}

export function applicationRejected(a: Pick<Application, 'id' | 'platformId' | 'platformName'>, objectionId: string, note: string, at: string): Notification {
  return {
    id: deterministicId('ntf', a.id, 'rejected', objectionId),
    recipient: toPlatform(a),
    event: 'application.rejected',
    title: { zh: '公示异议成立，申报未列入名录', en: 'An objection was upheld; the application is off the directory' },
    body: { zh: `${a.platformName}：${note}`, en: `${a.platformName}: ${note}` },
    ref: `applications/${a.id}`,
    at,
  };
}

export function reviewAssigned(r: Review): Notification {
  return {
    id: deterministicId('ntf', r.id, 'assigned'),
    recipient: { kind: 'expert', id: r.expertId },
    event: 'review.assigned',
    title: { zh: '新的专家评审任务', en: 'New review assignment' },
    body: { zh: `请评审：${r.platformName}`, en: `Please review: ${r.platformName}` },
    ref: `reviews/${r.id}`,
    at: r.assignedAt,
  };
}

export function directoryPublished(e: DirectoryEntry, year: number, publishedAt: string): Notification {
  return {
    id: deterministicId('ntf', e.applicationId, 'published', String(year)),
    recipient: { kind: 'platform', id: e.platformId },
    event: 'directory.published',
    title: { zh: `已列入${year}年度培优名录`, en: `Listed in the ${year} cultivation directory` },
    body: { zh: `${e.platformName}：${levelZh(e.level)}`, en: `${e.platformName}: level ${e.level}` },
    ref: `directory/${year}`,
    at: publishedAt,
  };
}

/** The caller's own inbox: a platform's (its org) or an expert's (its sub). */
export async function myNotifications(deps: Deps, who: Principal, q: { limit: number; cursor?: string }) {
  const recipient =
    who.role === 'platform'
      ? { kind: 'platform' as const, id: who.org! }
      : who.role === 'expert'
        ? { kind: 'expert' as const, id: who.userId }
        : who.role === 'manufacturer'
          ? { kind: 'enterprise' as const, id: who.org! } // roadshow invitations (issue 20)
          : who.role === 'district'
            ? { kind: 'district' as const, id: who.district! }
            : who.role === 'institution'
              ? { kind: 'institution' as const, id: who.org! } // diagnoses commissioned to it
              : null;
  if (!recipient) throw forbidden();
  return inboxPage(storeOf(deps), recipient, q.limit, q.cursor);
}

/** 第十四条: the institution is told of the diagnosis commissioned to it (its people see it once they sign in). */
export function diagnosisCommissioned(d: Diagnosis, platformName: string): Notification {
  return {
    id: deterministicId('ntf', d.id, 'commissioned'),
    recipient: { kind: 'institution', id: institutionOrgId(d.institution.creditCode) },
    event: 'diagnosis.commissioned',
    title: { zh: '新的诊断任务', en: 'New diagnosis assignment' },
    body: { zh: `${platformName}：${d.scope}`, en: `${platformName}: ${d.scope}` },
    ref: `diagnoses/${d.id}`,
    at: d.commissionedAt,
  };
}

/** The platform learns its diagnosis report is in, and where to read it. */
export function diagnosisReported(d: Diagnosis): Notification {
  return {
    id: deterministicId('ntf', d.id, 'reported'),
    recipient: { kind: 'platform', id: d.platformId },
    event: 'diagnosis.reported',
    title: { zh: '诊断报告已提交', en: 'Your diagnosis report is in' },
    body: { zh: `${d.institution.name}已提交诊断报告。`, en: `${d.institution.name} filed the report.` },
    ref: `platforms/${d.platformId}/diagnoses`,
    at: d.reportedAt!,
  };
}
