import { z } from 'zod';
import { Gap } from '../maturity/assess';
import { PORTRAIT_DIMENSIONS, type DimensionKey } from '../portrait/portrait';
import { CreditCode, Id, Text, Timestamp } from './common';

// On-site diagnosis (第十四条): the bureau commissions a third-party institution to find what holds
// a platform back; the institution's report is attached to the platform.

/** The portrait's dimensions, so findings line up with what the platform and the bureau see in the portrait. */
export const DiagnosisDimension = z.enum(PORTRAIT_DIMENSIONS.map((d) => d.key) as [DimensionKey, ...DimensionKey[]]);

export const DiagnosisInput = z
  .object({
    institution: z.object({ name: Text(200), creditCode: CreditCode }).strict().describe('诊断机构'),
    scope: Text(2000).describe('诊断范围与重点'),
  })
  .strict()
  .meta({ id: 'DiagnosisInput' });
export type DiagnosisInput = z.infer<typeof DiagnosisInput>;

export const DiagnosisReportInput = z
  .object({
    visitedOn: z.iso.date().describe('现场诊断日期'),
    summary: Text(4000),
    findings: z
      .array(z.object({ dimension: DiagnosisDimension, finding: Text(2000), severity: z.enum(['low', 'medium', 'high']) }).strict())
      .min(1)
      .max(30),
    recommendations: z.array(Text(1000)).min(1).max(30),
  })
  .strict()
  .meta({ id: 'DiagnosisReportInput' });
export type DiagnosisReportInput = z.infer<typeof DiagnosisReportInput>;

export const Diagnosis = z
  .object({
    id: Id,
    platformId: Id,
    institution: z.object({ name: z.string(), creditCode: z.string() }),
    scope: z.string(),
    status: z.enum(['commissioned', 'reported']),
    report: DiagnosisReportInput.optional(),
    commissionedAt: Timestamp,
    commissionedBy: z.string(),
    reportedAt: Timestamp.optional(),
  })
  .meta({ id: 'Diagnosis' });
export type Diagnosis = z.infer<typeof Diagnosis>;

export const PlatformDiagnoses = z
  .object({
    platformId: Id,
    level: z.number().int(),
    gapsToNextLevel: z.array(Gap).describe('当前评定距下一级的差距（瓶颈），与诊断结论并列展示'),
    items: z.array(Diagnosis),
  })
  .meta({ id: 'PlatformDiagnoses' });
