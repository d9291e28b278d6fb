// An evidence file from the file picker to the bucket: announce it (kind, name, type, size, SHA-256),
// PUT it to the presigned URL with exactly the signed headers, then have the API verify it.
import { EVIDENCE_KINDS, EXTENSIONS, type EvidenceKindCode } from '#core/evidence-kinds';
import type { Evidence } from '#core/schemas/evidence';
import { api } from './api';

/** The kind chosen in the picker (rendered from EVIDENCE_KINDS by the server). */
export const evidenceKind = (v: string): EvidenceKindCode => {
  if (!Object.hasOwn(EVIDENCE_KINDS, v)) throw new Error(`unknown evidence kind ${v}`);
  return v as EvidenceKindCode;
};

const extensionOf = (name: string) => name.split('.').pop()?.toLowerCase() ?? '';

/** The browser's type for the file, or the one its extension stands for when the browser gives none. */
function contentTypeOf(file: File): string {
  if (file.type) return file.type;
  const ext = extensionOf(file.name);
  return Object.entries(EXTENSIONS).find(([, exts]) => exts.includes(ext))?.[0] ?? 'application/octet-stream';
}

/** The file picker's `accept` for a kind: its content types and their extensions. */
export function acceptFor(kind: EvidenceKindCode): string {
  const types: readonly string[] = EVIDENCE_KINDS[kind].types;
  return [...types, ...types.flatMap((t) => (EXTENSIONS[t] ?? []).map((e) => `.${e}`))].join(',');
}

async function sha256Hex(file: File): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function uploadEvidence(applicationId: string, kind: EvidenceKindCode, file: File): Promise<Evidence> {
  const upload = await api.applications.declareEvidence(applicationId, {
    kind,
    fileName: file.name,
    contentType: contentTypeOf(file),
    size: file.size,
    sha256: await sha256Hex(file),
  });
  const put = await fetch(upload.uploadUrl, { method: upload.method, headers: upload.headers, body: file });
  if (!put.ok) throw new Error(`文件上传失败（HTTP ${put.status}） / Upload failed (HTTP ${put.status})`);
  return api.applications.verifyEvidence(applicationId, upload.id);
}
