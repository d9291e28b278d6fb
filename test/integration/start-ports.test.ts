import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand, GetItemCommand, ListTablesCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, DeleteQueueCommand, GetQueueAttributesCommand, ListQueuesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { makeDynamoClient } from '#db/client';
import { makeSqsClient } from '#queue/client';
import { freePort } from '#local/ports';
import { signToken } from '#local/token';
import { platformBody } from '../support/fixtures';
import { eventually } from '../support/stack';
import { groupAlive, http, runServiceToExit, startServiceProcess, type ServiceProcess } from '../support/service-process';

// The shared test DynamoDB Local and fauxqs play the stranger's servers: another checkout's
// `npm start` already holding the ports this one is told to use.
const foreignDynamo = makeDynamoClient({ endpoint: inject('dynamoEndpoint'), region: 'us-east-1' });
const foreignSqs = makeSqsClient({ endpoint: inject('sqsEndpoint'), region: 'us-east-1' });
const portOf = (endpoint: string) => Number(new URL(endpoint).port);
const suffix = randomBytes(4).toString('hex');
const foreignTable = `foreign-${suffix}`;
let foreignQueueUrl: string;
const dirs: string[] = [];
const running: ServiceProcess[] = [];
const SECRET = 'start-ports-test-secret-0123456789';

const dataDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'gongfu-ports-'));
  dirs.push(d);
  return d;
};
// What this instance would create if it wrongly used the stranger's servers.
const env = () => ({ DATA_DIR: dataDir(), AUTH_SECRET: SECRET, TABLE_NAME: `intruder-${suffix}`, QUEUE_PREFIX: `intruder-${suffix}` });

beforeAll(async () => {
  await foreignDynamo.send(
    new CreateTableCommand({
      TableName: foreignTable,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    }),
  );
  await foreignDynamo.send(new PutItemCommand({ TableName: foreignTable, Item: { pk: { S: 'theirs' }, note: { S: '别人的数据' } } }));
  foreignQueueUrl = (await foreignSqs.send(new CreateQueueCommand({ QueueName: `foreign-${suffix}` }))).QueueUrl!;
  await foreignSqs.send(new SendMessageCommand({ QueueUrl: foreignQueueUrl, MessageBody: 'theirs' }));
});

afterAll(async () => {
  for (const s of running) s.kill9();
  await foreignDynamo.send(new DeleteTableCommand({ TableName: foreignTable })).catch(() => undefined);
  await foreignSqs.send(new DeleteQueueCommand({ QueueUrl: foreignQueueUrl })).catch(() => undefined);
  foreignDynamo.destroy();
  foreignSqs.destroy();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function expectForeignDataUntouched() {
  const tables = (await foreignDynamo.send(new ListTablesCommand({}))).TableNames ?? [];
  expect(tables).toContain(foreignTable);
  expect(tables).not.toContain(`intruder-${suffix}`);
  const item = await foreignDynamo.send(new GetItemCommand({ TableName: foreignTable, Key: { pk: { S: 'theirs' } } }));
  expect(item.Item?.note?.S).toBe('别人的数据');
  const queues = await foreignSqs.send(new ListQueuesCommand({ QueueNamePrefix: `intruder-${suffix}` }));
  expect(queues.QueueUrls ?? []).toEqual([]);
  const attrs = await foreignSqs.send(new GetQueueAttributesCommand({ QueueUrl: foreignQueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
  expect(attrs.Attributes?.ApproximateNumberOfMessages).toBe('1');
}

/** One line naming the port and the setting, in zh-CN and English; no stack trace; nothing left running. */
async function expectRefused(run: Awaited<ReturnType<typeof runServiceToExit>>, port: number, setting: string) {
  expect(run.code).not.toBe(0);
  const lines = run.stderr.split('\n').filter((l) => l.startsWith('[local]'));
  expect(lines).toEqual([`[local] 端口 ${port} 已被占用（${setting}）/ Port ${port} (${setting}) is already in use: stop whatever holds it or choose another port`]);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  await eventually(async () => !groupAlive(run.pid), 5_000, 100);
}

describe('npm start never uses a stranger’s servers', () => {
  it('a taken PORT: one clear line, exit ≠ 0, nothing started, the other server still answering', async () => {
    const squatter: Server = createServer((_req, res) => res.end('someone else'));
    await new Promise<void>((r) => squatter.listen(0, '127.0.0.1', () => r()));
    const port = (squatter.address() as { port: number }).port;
    try {
      const run = await runServiceToExit(env(), { http: port });
      await expectRefused(run, port, 'PORT');
      expect(run.stdout).not.toContain('DynamoDB Local on');
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('someone else');
    } finally {
      squatter.close();
    }
    await expectForeignDataUntouched();
  }, 60_000);

  it('DYNAMODB_PORT held by another DynamoDB: refused, and not one table or item written there', async () => {
    const port = portOf(inject('dynamoEndpoint'));
    const run = await runServiceToExit(env(), { http: await freePort(), dynamo: port });
    await expectRefused(run, port, 'DYNAMODB_PORT');
    await expectForeignDataUntouched();
  }, 90_000);

  it('SQS_PORT held by another queue server: refused after DynamoDB Local started, and that JVM stopped too', async () => {
    const port = portOf(inject('sqsEndpoint'));
    const run = await runServiceToExit(env(), { http: await freePort(), sqs: port });
    expect(run.stdout).toContain('DynamoDB Local on');
    await expectRefused(run, port, 'SQS_PORT');
    await expectForeignDataUntouched();
  }, 90_000);

  it('SIGTERM the moment it first answers (start-up reconcile still running): exit 0, nothing left running', async () => {
    const service = await startServiceProcess(env(), { http: await freePort() });
    running.push(service);
    expect(await service.terminate()).toBe(0);
    await eventually(async () => !groupAlive(service.pid), 10_000, 100);
  }, 90_000);

  it('two instances side by side, each with its own PORT and DATA_DIR, each on its own data', async () => {
    const [a, b] = await Promise.all([
      startServiceProcess({ DATA_DIR: dataDir(), AUTH_SECRET: SECRET }, { http: await freePort() }),
      startServiceProcess({ DATA_DIR: dataDir(), AUTH_SECRET: SECRET }, { http: await freePort() }),
    ]);
    running.push(a, b);
    const bureau = await signToken(SECRET, { role: 'bureau' });
    const inA = await http(a.base, 'POST', '/v1/platforms', bureau, platformBody('甲实例平台'));
    const inB = await http(b.base, 'POST', '/v1/platforms', bureau, platformBody('乙实例平台'));
    expect([inA.status, inB.status]).toEqual([201, 201]);
    expect((await http(a.base, 'GET', `/v1/platforms/${inA.body.id}`)).body.name).toBe('甲实例平台');
    expect((await http(b.base, 'GET', `/v1/platforms/${inB.body.id}`)).body.name).toBe('乙实例平台');
    expect((await http(a.base, 'GET', `/v1/platforms/${inB.body.id}`)).status).toBe(404);
    expect((await http(b.base, 'GET', `/v1/platforms/${inA.body.id}`)).status).toBe(404);
    expect(await a.terminate()).toBe(0);
    expect(await b.terminate()).toBe(0);
    await eventually(async () => !groupAlive(a.pid) && !groupAlive(b.pid), 10_000, 100);
    await expectForeignDataUntouched();
  }, 120_000);
});
