import type { TestProject } from 'vitest/node';
import { buildConsoleAssets } from '../../functions/console/build-assets';
import { startLocalDynamo, type LocalDynamo } from '#local/dynamo';
import { startLocalSqs, type LocalSqs } from '#local/sqs';
import { startLocalS3, type LocalS3 } from '#local/s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sqsEndpoint: string;
    s3Endpoint: string;
  }
}

let dynamo: LocalDynamo | undefined;
let sqs: LocalSqs | undefined;
let s3: LocalS3 | undefined;

/**
 * One DynamoDB Local and one fauxqs for the whole run; each test file gets its own table and
 * queue prefix, so files never see each other's data.
 */
export default async function setup(project: TestProject) {
  const s3Dir = mkdtempSync(join(tmpdir(), 'gongfu-s3-'));
  // The console's pages load their hashed browser modules; build them once for every test file.
  // TEST_DYNAMODB_ENDPOINT: a DynamoDB Local already running (saves the JVM start on a loaded machine).
  const external = process.env.TEST_DYNAMODB_ENDPOINT;
  [dynamo, sqs, s3] = await Promise.all([external ? { endpoint: external, stop: async () => undefined } : startLocalDynamo(), startLocalSqs(), startLocalS3({ dataDir: s3Dir }), buildConsoleAssets()]);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('sqsEndpoint', sqs.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
  return async () => {
    await s3?.stop();
    rmSync(s3Dir, { recursive: true, force: true });
    await sqs?.stop();
    await dynamo?.stop();
  };
}
