import { conflict, forbidden, notFound } from '../core/errors';
import { newId } from '../core/ids';
import type { Assessment } from '../core/maturity/assess';
import type { Principal } from '../core/principal';
import type { Diagnosis, DiagnosisInput, DiagnosisReportInput } from '../core/schemas/diagnosis';
import * as repo from '../db/diagnoses';
import { currentAssessment, getPlatform } from '../db/platforms';
import type { Deps } from '../runtime/deps';
import { assertCanEdit } from './platforms';
import { nowIso, storeOf } from './store';

/** 第十四条: the bureau commissions an on-site diagnosis of a platform by a third-party institution. */
export async function commission(deps: Deps, who: Principal, platformId: string, input: DiagnosisInput): Promise<Diagnosis> {
  if (who.role !== 'bureau') throw forbidden();
  const s = storeOf(deps);
  if (!(await getPlatform(s, platformId))) throw notFound('平台 platform');
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
  return d;
}

/**
 * The institution's report, entered by the bureau that commissioned it (institutions have no
 * accounts of their own). Attached once; a second report for the same diagnosis is refused.
 */
export async function attachReport(deps: Deps, who: Principal, id: string, report: DiagnosisReportInput): Promise<Diagnosis> {
  if (who.role !== 'bureau') throw forbidden();
  const s = storeOf(deps);
  const d = await repo.findDiagnosis(s, id);
  if (!d) throw notFound('诊断 diagnosis');
  const next: Diagnosis = { ...d, status: 'reported', report, reportedAt: nowIso(deps) };
  if (!(await repo.attachReport(s, next))) throw conflict('诊断报告已提交，不能覆盖 / The report is already attached');
  return next;
}

/** A platform's diagnoses beside its bottlenecks (the gaps of its current assessment): its own and the bureau's view. */
export async function platformDiagnoses(deps: Deps, who: Principal, platformId: string) {
  assertCanEdit(who, platformId);
  const s = storeOf(deps);
  const p = await getPlatform(s, platformId);
  if (!p) throw notFound('平台 platform');
  const [items, a] = await Promise.all([repo.platformDiagnoses(s, platformId), currentAssessment<Assessment>(s, platformId)]);
  return { platformId, level: p.level, gapsToNextLevel: a?.gapsToNextLevel ?? [], items };
}
