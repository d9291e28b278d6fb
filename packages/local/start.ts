import { existsSync, readdirSync } from 'node:fs';
import { buildConsoleAssets, type BuiltAssets } from '../../functions/console/build-assets';
import { loadSettings } from '#settings/settings';
import { startStack, type Stack } from './stack';
import { StartupError } from './startup-error';
import { SettingsError } from '#settings/settings';

// `npm start`: the whole service on this machine, no AWS account and no network.
const started = Date.now();
// An empty data directory means a newcomer: the last line says how to fill the pages.
const dataDir = (() => {
  try {
    return loadSettings().DATA_DIR;
  } catch {
    return undefined;
  }
})();
const fresh = !!dataDir && (!existsSync(dataDir) || readdirSync(dataDir).length === 0);
const aborted = new AbortController();
let stack: Stack | undefined;
let assets: BuiltAssets | undefined;
let stopping: NodeJS.Signals | undefined;

async function stop(sig: NodeJS.Signals, running: Stack) {
  console.log(`[local] ${sig}: stopping pollers, server, queues and DynamoDB…`);
  await running.stop();
  await assets?.stop();
  process.exit(0);
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = sig;
    // Still starting: abort, and start-up stops whatever it had already started.
    if (!stack) return aborted.abort(new StartupError(`${sig}: 启动已中止 / start-up interrupted`));
    void stop(sig, stack);
  });
}

try {
  // The console's browser code, rebuilt on every change while the service runs.
  assets = await buildConsoleAssets({ watch: true, log: (l) => console.log(`[local] ${l}`) });
  stack = await startStack({ http: true, signal: aborted.signal, log: (l) => console.log(`[local] ${l}`) });
} catch (err) {
  await assets?.stop();
  // A failure the user can act on is one line; anything else is a bug and keeps its stack.
  console.error(`[local] ${err instanceof StartupError || err instanceof SettingsError ? err.message : `启动失败 / start-up failed: ${(err as Error)?.stack ?? String(err)}`}`);
  process.exit(1);
}
// A signal that arrived after start-up's last checkpoint.
if (stopping) await stop(stopping, stack);
console.log(`[local] API on ${stack.url}  (docs ${stack.url}/docs, console ${stack.url}/)  ready in ${Date.now() - started} ms`);
console.log('[local] get a token: npm run token -- --role bureau');
if (fresh) console.log('[local] empty data directory: load the demo city with `npm run demo` in another terminal (about a minute)');
