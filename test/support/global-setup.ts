import type { TestProject } from 'vitest/node';
import { buildConsoleAssets } from '../../functions/console/build-assets';
import { startLocalDynamo, type LocalDynamo } from '../../packages/local/dynamo';
import { startLocalSqs, type LocalSqs } from '../../packages/local/sqs';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sqsEndpoint: string;
  }
}

let dynamo: LocalDynamo | undefined;
let sqs: LocalSqs | undefined;

/**
 * One DynamoDB Local and one fauxqs for the whole run; each test file gets its own table and
 * queue prefix, so files never see each other's data.
 */
export default async function setup(project: TestProject) {
  // The console's pages load their hashed browser modules; build them once for every test file.
  [dynamo, sqs] = await Promise.all([startLocalDynamo(), startLocalSqs(), buildConsoleAssets()]);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('sqsEndpoint', sqs.endpoint);
  return async () => {
    await sqs?.stop();
    await dynamo?.stop();
  };
}
