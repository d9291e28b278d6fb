import { AppError, conflict, notFound } from '#core/errors';
import { newId } from '#core/ids';
import type { Principal } from '#core/principal';
import type { Evidence, EvidenceInput } from '#core/schemas/evidence';
import type { Application } from '#core/schemas/round';
import * as repo from '#db/evidence';
import { evidenceKey, incomingKey } from '#files/keys';
import type { Deps } from '#runtime/deps';
import { assertCanActFor, readApplication } from './application-access';
import { nowIso, storeOf } from './store';

const UPLOAD_TTL_SEC = 15 * 60;
const DOWNLOAD_TTL_SEC = 5 * 60;
const MAX_FILES = 30;

const EDITABLE = new Set(['draft', 'returned']);

/**
 * Announces a file and answers a presigned PUT for it. The signature binds the declared type and
 * exact size, and the key is under `incoming/`: what the uploader can write is never the evidence
 * itself until the service has checked it.
 */
export async function declareEvidence(deps: Deps, who: Principal, applicationId: string, input: EvidenceInput) {
  const a = await readApplication(deps, who, applicationId);
  assertCanActFor(who, a.platformId);
  if (input.size > deps.settings.EVIDENCE_MAX_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', `文件不能超过 ${Math.floor(deps.settings.EVIDENCE_MAX_BYTES / 1048576)} MB / File larger than the limit`, [
      { path: 'size', message: `≤ ${deps.settings.EVIDENCE_MAX_BYTES} bytes` },
    ]);
  if (!EDITABLE.has(a.status)) throw conflict(`申报状态为 ${a.status}，不能再上传材料 / Application is ${a.status}; evidence can no longer change`);
  const s = storeOf(deps);
  if ((await repo.listEvidence(s, a.id)).length >= MAX_FILES) throw conflict(`每份申报最多 ${MAX_FILES} 个文件 / At most ${MAX_FILES} files per application`);
  const id = newId('ev', deps.now().getTime());
  const at = nowIso(deps);
  const uploadUrl = await deps.bucket.presignPut(incomingKey(a.id, id), { contentType: input.contentType, size: input.size, expiresInSec: UPLOAD_TTL_SEC });
  await repo.createEvidence(s, { ...input, id, applicationId: a.id, roundId: a.roundId, status: 'pending', uploadedBy: who.userId, createdAt: at });
  return {
    id,
    uploadUrl,
    method: 'PUT' as const,
    headers: { 'content-type': input.contentType },
    expiresAt: new Date(deps.now().getTime() + UPLOAD_TTL_SEC * 1000).toISOString(),
  };
}

/**
 * Checks an uploaded file: copies it out of `incoming/` (so the uploader cannot change it after the
 * check), then hashes the copy. A mismatch in size or SHA-256 rejects it and deletes the copy.
 * Settling is a conditional write: checking twice gives the same answer.
 */
export async function verifyEvidence(deps: Deps, who: Principal, applicationId: string, evidenceId: string): Promise<Evidence> {
  const a = await readApplication(deps, who, applicationId);
  assertCanActFor(who, a.platformId);
  const { roundId: _r, ...e } = await settle(deps, a, evidenceId);
  return e;
}

async function settle(deps: Deps, a: Application, evidenceId: string): Promise<repo.StoredEvidence> {
  const s = storeOf(deps);
  const e = await repo.getEvidence(s, a.id, evidenceId);
  if (!e) throw notFound('材料 evidence');
  if (e.status !== 'pending') return e;
  const b = deps.bucket;
  const from = incomingKey(a.id, e.id);
  const to = evidenceKey(a.roundId, a.id, e.id);
  if (!(await b.exists(to))) {
    if (!(await b.exists(from))) throw conflict(`文件尚未上传：${e.fileName} / Not uploaded yet: ${e.fileName}`);
    await b.copy(from, to);
  }
  const d = await b.digest(to);
  const problem = !d
    ? '文件缺失 / file missing'
    : d.size !== e.size
      ? `大小不符：声明 ${e.size}，实际 ${d.size} / size mismatch`
      : d.sha256 !== e.sha256
        ? 'SHA-256 不符 / SHA-256 mismatch'
        : undefined;
  const next: repo.StoredEvidence = problem
    ? { ...e, status: 'rejected', problem, verifiedAt: nowIso(deps) }
    : { ...e, status: 'verified', verifiedAt: nowIso(deps) };
  if (problem) await b.remove(to);
  await repo.settleEvidence(s, next);
  await b.remove(from);
  return (await repo.getEvidence(s, a.id, e.id))!;
}

/** Files of an application with short-lived download links for verified ones (applicant, bureau, assigned experts). */
export async function listEvidence(deps: Deps, who: Principal, applicationId: string): Promise<Evidence[]> {
  const a = await readApplication(deps, who, applicationId);
  const items = await repo.listEvidence(storeOf(deps), a.id);
  return Promise.all(
    items.map(async ({ roundId: _r, ...e }) =>
      e.status === 'verified'
        ? { ...e, downloadUrl: await deps.bucket.presignGet(evidenceKey(a.roundId, a.id, e.id), { fileName: e.fileName, size: e.size, expiresInSec: DOWNLOAD_TTL_SEC }) }
        : e,
    ),
  );
}

/** Before submitting: every announced file is checked, and none may be missing or wrong. */
export async function evidenceProblems(deps: Deps, a: Application): Promise<{ path: string; message: string }[]> {
  const out: { path: string; message: string }[] = [];
  for (const e of await repo.listEvidence(storeOf(deps), a.id)) {
    let settled: repo.StoredEvidence;
    try {
      settled = await settle(deps, a, e.id);
    } catch (err) {
      if (err instanceof AppError) {
        out.push({ path: `evidence.${e.id}`, message: err.message });
        continue;
      }
      throw err;
    }
    if (settled.status === 'rejected') out.push({ path: `evidence.${e.id}`, message: `${e.fileName}: ${settled.problem}` });
  }
  return out;
}

/** Withdraws a pending or rejected file (to upload a correct one); verified files stay. */
export async function withdrawEvidence(deps: Deps, who: Principal, applicationId: string, evidenceId: string): Promise<void> {
  const a = await readApplication(deps, who, applicationId);
  assertCanActFor(who, a.platformId);
  if (!EDITABLE.has(a.status)) throw conflict(`申报状态为 ${a.status}，不能再修改材料 / Application is ${a.status}; evidence can no longer change`);
  const s = storeOf(deps);
  const e = await repo.getEvidence(s, a.id, evidenceId);
  if (!e) throw notFound('材料 evidence');
  if (!(await repo.deleteEvidence(s, a.id, evidenceId))) throw conflict('已校验的材料不能撤回 / Verified evidence cannot be withdrawn');
  await deps.bucket.remove(incomingKey(a.id, e.id));
}
