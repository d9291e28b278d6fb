import { z } from 'zod';
import { EVIDENCE_KINDS, EXTENSIONS } from '../evidence-kinds';
import { Id, Text, Timestamp } from './common';

// Evidence an application carries (申报佐证材料), uploaded straight to S3 with a presigned URL.
export { EVIDENCE_KINDS };

export const EvidenceKind = z.enum(Object.keys(EVIDENCE_KINDS) as [keyof typeof EVIDENCE_KINDS, ...(keyof typeof EVIDENCE_KINDS)[]]);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

export const EvidenceInput = z
  .object({
    kind: EvidenceKind,
    fileName: Text(200).refine((n) => !/[\\/]/.test(n), { message: '文件名不能含路径 / no path separators in a file name' }),
    contentType: z.enum(Object.keys(EXTENSIONS) as [string, ...string[]]),
    size: z.number().int().min(1).describe('字节数；上限见 EVIDENCE_MAX_BYTES（20 MB）'),
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, { message: '须为 64 位十六进制 SHA-256 / must be a hex SHA-256' })
      .transform((h) => h.toLowerCase()),
  })
  .strict()
  .superRefine((e, ctx) => {
    const allowed: readonly string[] = EVIDENCE_KINDS[e.kind].types;
    if (!allowed.includes(e.contentType))
      ctx.addIssue({ code: 'custom', path: ['contentType'], message: `${EVIDENCE_KINDS[e.kind].zh}只接受 ${allowed.join(', ')} / type not accepted for ${e.kind}` });
    const ext = e.fileName.split('.').pop()?.toLowerCase() ?? '';
    if (!(EXTENSIONS[e.contentType] ?? []).includes(ext))
      ctx.addIssue({ code: 'custom', path: ['fileName'], message: '文件扩展名与声明的类型不符 / file extension does not match the declared type' });
  })
  .meta({ id: 'EvidenceInput' });
export type EvidenceInput = z.infer<typeof EvidenceInput>;

export const Evidence = z
  .object({
    id: Id,
    applicationId: Id,
    kind: EvidenceKind,
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    status: z.enum(['pending', 'verified', 'rejected']).describe('pending: 待上传/校验; verified: 大小与 SHA-256 一致; rejected: 不一致，已删除'),
    problem: z.string().optional(),
    uploadedBy: z.string(),
    createdAt: Timestamp,
    verifiedAt: Timestamp.optional(),
    downloadUrl: z.string().optional().describe('仅已校验的文件；短时有效'),
  })
  .meta({ id: 'Evidence' });
export type Evidence = z.infer<typeof Evidence>;

export const EvidenceUpload = z
  .object({
    id: Id,
    uploadUrl: z.string(),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()).describe('上传时须原样携带的请求头 / headers the PUT must carry'),
    expiresAt: Timestamp,
  })
  .meta({ id: 'EvidenceUpload' });
