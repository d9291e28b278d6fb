import { conflict, forbidden, notFound } from '#core/errors';
import { newId } from '#core/ids';
import type { Assessment } from '#core/maturity/assess';
import type { Principal } from '#core/principal';
import { institutionOrgId } from '#core/schemas/account';
import type { Diagnosis, DiagnosisInput, DiagnosisReportInput } from '#core/schemas/diagnosis';
import * as repo from '#db/diagnoses';
import { getOrganisation } from '#db/organisations';
import { currentAssessment, getPlatform } from '#db/platforms';
import type { Deps } from '#runtime/deps';
import { diagnosisCommissioned, diagnosisReported } from './notifications';
import { assertCanEdit } from './platforms';
import { nowIso, storeOf } from './store';

/** 第十四条: the bureau commissions an on-site diagnosis of a platform by a third-party institution. */
export async function commission(deps: Deps, who: Principal, platformId: string, input: DiagnosisInput): Promise<Diagnosis> {
  if (who.role !== 'bureau') throw forbidden();
  const s = storeOf(deps);
  const platform = await getPlatform(s, platformId);
  if (!platform) throw notFound('平台 platform');
  const d: Diagnosis = {
    id: newId('diag', deps.now().getTime()),
    platformId,
    institution: input.institution,
    scope: input.scope,
    status: 'commissioned',
    commissionedAt: nowIso(deps),
    commissionedBy: who.userId,
  };
  await repo.createDiagnosis(s, d);
  await deps.notifier.notify(diagnosisCommissioned(d, platform.name));
  return d;
}

/** An institution sees a diagnosis the bureau commissioned to its credit code, and nothing else. */
const assignedOrBureau = (who: Principal, d: Diagnosis) => who.role === 'bureau' || (who.role === 'institution' && who.org === institutionOrgId(d.institution.creditCode));

/**
 * The institution's report: filed by its people, or entered by the bureau for an institution without
 * an account. Attached once; a second report for the same diagnosis is refused.
 */
export async function attachReport(deps: Deps, who: Principal, id: string, report: DiagnosisReportInput): Promise<Diagnosis> {
  if (who.role !== 'bureau' && who.role !== 'institution') throw forbidden();
  const s = storeOf(deps);
  const d = await repo.findDiagnosis(s, id);
  if (!d || !assignedOrBureau(who, d)) throw notFound('诊断 diagnosis');
  const next: Diagnosis = { ...d, status: 'reported', report, reportedAt: nowIso(deps) };
  if (!(await repo.attachReport(s, next))) throw conflict('诊断报告已提交，不能覆盖 / The report is already attached');
  await deps.notifier.notify(diagnosisReported(next));
  return next;
}

/** A platform's diagnoses beside its bottlenecks (the gaps of its current assessment): its own and the bureau's view. */
export async function platformDiagnoses(deps: Deps, who: Principal, platformId: string) {
  const s = storeOf(deps);
  let items = await repo.platformDiagnoses(s, platformId);
  // An institution reads a platform's page only through what it was assigned, and only that.
  if (who.role === 'institution') {
    items = items.filter((d) => assignedOrBureau(who, d));
    if (!items.length) throw notFound('平台 platform');
  } else assertCanEdit(who, platformId);
  const p = await getPlatform(s, platformId);
  if (!p) throw notFound('平台 platform');
  const a = await currentAssessment<Assessment>(s, platformId);
  return { platformId, level: p.level, gapsToNextLevel: a?.gapsToNextLevel ?? [], items };
}

/** The bureau's list of every diagnosis; an institution's of its assignments. */
export async function listDiagnoses(deps: Deps, who: Principal): Promise<Diagnosis[]> {
  const s = storeOf(deps);
  if (who.role === 'bureau') return repo.allDiagnoses(s);
  if (who.role !== 'institution') throw forbidden();
  const org = await getOrganisation(s, who.org!);
  return org?.creditCode ? repo.diagnosesOfInstitution(s, org.creditCode) : [];
}
