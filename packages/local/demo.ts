import { parseArgs } from 'node:util';
import { loadSettings } from '#settings/settings';
import { loadDemoCity } from './demo/city';
import { assertLocal, demoClient } from './demo/http';
import { signToken } from './token';

/**
 * `npm run demo [-- --url http://127.0.0.1:8787] [--reset]`: loads the demo city into a running
 * local instance (`npm start`) through its API. A second run finds the city and changes nothing;
 * `--reset` empties the instance first (its local-only /dev/reset) and loads the city afresh.
 */
const { values } = parseArgs({ options: { url: { type: 'string' }, reset: { type: 'boolean', default: false } } });
const settings = loadSettings();
const base = (values.url ?? `http://127.0.0.1:${settings.PORT}`).replace(/\/$/, '');
try {
  assertLocal(base);
  if (settings.STAGE !== 'local' && settings.STAGE !== 'test') throw new Error(`STAGE=${settings.STAGE}: the demo loads only into the local stage`);
  const api = demoClient(base);
  await api.call('GET', '/v1/health').catch(() => {
    throw new Error(`${base} 未响应，请先运行 npm start / nothing answers at ${base}: run npm start first`);
  });
  if (values.reset) {
    const r = await api.call<{ deleted: number }>('POST', '/dev/reset', { token: await signToken(settings.AUTH_SECRET, { role: 'bureau', sub: 'demo-reset' }) });
    console.log(`[demo] --reset: ${r.body.deleted} records deleted, queues and dev mailbox emptied`);
  }
  const r = await loadDemoCity(api, settings.AUTH_SECRET, (l) => console.log(`[demo] ${l}`));
  console.log(r.alreadyLoaded ? '[demo] the demo city is already loaded; nothing changed (--reset starts over)' : `[demo] loaded in ${(r.ms / 1000).toFixed(1)} s`);
  console.log(`[demo] ${r.platforms} platforms, ${r.scenarios} scenarios, leads ${JSON.stringify(r.leads)}, round ${r.roundId} in its notice period`);
  console.log(`[demo] who to be: open ${base}/sign-in, enter the contact, and read the code at ${base}/auth/dev/mailbox`);
  const width = Math.max(...r.people.map((p) => p.contact.length));
  for (const p of r.people) console.log(`  ${p.role.padEnd(13)}${p.contact.padEnd(width + 2)}${p.actsFor}  → ${base}${p.start}`);
  console.log('  public       no sign-in                → /directory, /scenarios, /notices');
} catch (err) {
  console.error(`[demo] ${(err as Error).message}`);
  process.exit(1);
}
