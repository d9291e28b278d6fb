/**
 * Where evidence lives in the bucket. Uploads land under `incoming/` (the only keys a presigned PUT
 * can write); verified files are copied under `evidence/`, which no uploader can overwrite.
 * infra/storage.ts keys its lifecycle rules on these prefixes.
 */
export const INCOMING_PREFIX = 'incoming/';
export const EVIDENCE_PREFIX = 'evidence/';

export const incomingKey = (applicationId: string, evidenceId: string) => `${INCOMING_PREFIX}${applicationId}/${evidenceId}`;
export const evidenceKey = (roundId: string, applicationId: string, evidenceId: string) => `${EVIDENCE_PREFIX}${roundId}/${applicationId}/${evidenceId}`;
