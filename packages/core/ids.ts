import { createHash, randomBytes } from 'node:crypto';

/** Time-ordered, URL-safe ids: lists sorted by id read in creation order. */
export function newId(prefix: string, now = Date.now()): string {
  return `${prefix}_${now.toString(36).padStart(9, '0')}${randomBytes(6).toString('base64url').replace(/[-_]/g, 'x')}`;
}

/** Same inputs, same id: how a redelivered message finds the work it already did. */
export function deterministicId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('base64url').replace(/[-_]/g, 'x').slice(0, 22)}`;
}

export function contentHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}
