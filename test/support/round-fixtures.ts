import { creditCodeCheckChar } from '#core/credit-code';
import { RUBRIC_2025_1 } from '#core/review/rubric';
import type { Review } from '#core/schemas/review';
import { specializedL2Report } from './fixtures';

/** A valid 统一社会信用代码 built from 17 characters (the check character computed). */
export const creditCode = (first17: string) => first17 + creditCodeCheckChar(first17);

/** A specialized platform's report at level 1: everything of level 2 except the monitoring gate. */
export const specializedL1Report = () => specializedL2Report({ general: { monitoringConnected: false } });

/** A complete specialized score sheet adding up to `total` (each criterion the same share of its maximum). */
export function specializedSheet(total: number): Record<string, number> {
  return Object.fromEntries(RUBRIC_2025_1.categories.specialized.map((c) => [c.id, (c.max * total) / 100]));
}

export function expertBody(name: string, affiliationCreditCode: string) {
  return { name, affiliation: `${name}所在研究院`, affiliationCreditCode, fields: ['工业互联网'] };
}

/**
 * An assignment as `POST /v1/rounds/{id}/reviews` writes it, for tests about who sees it rather than
 * how it is made (round.test.ts drives assignment end to end). Its id is `rev_<expertId>`.
 */
export function assignmentFor(expertId: string, expertName: string): Review {
  const at = new Date().toISOString();
  return {
    id: `rev_${expertId}`, roundId: 'rnd_x', applicationId: 'app_x', platformId: 'plt_x', platformName: '海岳云智平台', category: 'specialized',
    expertId, expertName, rubricVersion: RUBRIC_2025_1.version, status: 'assigned', scores: {}, comment: '', total: null, version: 1, assignedAt: at, updatedAt: at,
  };
}

export const objectionBody = (applicationId: string, extra: Record<string, unknown> = {}) => ({
  applicationId,
  reason: '该平台申报的服务企业数量与实际情况明显不符，请核查。',
  contactName: '王先生',
  contactPhone: '13800000000',
  ...extra,
});
