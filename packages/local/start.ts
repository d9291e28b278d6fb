import { buildConsoleAssets } from '../../functions/console/build-assets';
import { startStack } from './stack';

// `npm start`: the whole service on this machine, no AWS account and no network.
const started = Date.now();
// The console's browser code, rebuilt on every change while the service runs.
const assets = await buildConsoleAssets({ watch: true, log: (l) => console.log(`[local] ${l}`) });
const stack = await startStack({ http: true, log: (l) => console.log(`[local] ${l}`) }).catch(async (err: unknown) => {
  await assets.stop();
  throw err;
});
console.log(`[local] API on ${stack.url}  (docs ${stack.url}/docs, console ${stack.url}/)  ready in ${Date.now() - started} ms`);
console.log('[local] get a token: npm run token -- --role bureau');

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, async () => {
    if (stopping) return;
    stopping = true;
    console.log(`[local] ${sig}: stopping pollers, server, queues and DynamoDB…`);
    await stack.stop();
    await assets.stop();
    process.exit(0);
  });
}
