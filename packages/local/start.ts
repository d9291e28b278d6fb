import { startStack } from './stack';

// `npm start`: the whole service on this machine, no AWS account and no network.
const started = Date.now();
const stack = await startStack({ http: true, log: (l) => console.log(`[local] ${l}`) });
console.log(`[local] API on ${stack.url}  (docs ${stack.url}/docs, console ${stack.url}/)  ready in ${Date.now() - started} ms`);
console.log('[local] get a token: npm run token -- --role bureau');

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, async () => {
    if (stopping) return;
    stopping = true;
    console.log(`[local] ${sig}: stopping pollers, server, queues and DynamoDB…`);
    await stack.stop();
    process.exit(0);
  });
}
