import { parseArgs } from 'node:util';
import { loadSettings } from '../settings/settings';
import { loadDemoCity } from './demo/city';
import { assertLocal, demoClient } from './demo/http';

/**
 * `npm run demo [-- --url http://127.0.0.1:8787]`: loads the demo city into a running local
 * instance (`npm start`) through its API. A second run finds the city and changes nothing; to start
 * over, stop `npm start`, delete its data directory (the DATA_DIR setting) and
 * start it again.
 */
const { values } = parseArgs({ options: { url: { type: 'string' } } });
const settings = loadSettings();
const base = (values.url ?? `http://127.0.0.1:${settings.PORT}`).replace(/\/$/, '');
try {
  assertLocal(base);
  if (settings.STAGE !== 'local' && settings.STAGE !== 'test') throw new Error(`STAGE=${settings.STAGE}: the demo loads only into the local stage`);
  const api = demoClient(base);
  await api.call('GET', '/v1/health').catch(() => {
    throw new Error(`${base} 未响应，请先运行 npm start / nothing answers at ${base}: run npm start first`);
  });
  const r = await loadDemoCity(api, settings.AUTH_SECRET, (l) => console.log(`[demo] ${l}`));
  console.log(r.alreadyLoaded ? '[demo] the demo city is already loaded; nothing changed' : `[demo] loaded in ${(r.ms / 1000).toFixed(1)} s`);
  console.log(`[demo] ${r.platforms} platforms, ${r.scenarios} scenarios, leads ${JSON.stringify(r.leads)}, round ${r.roundId} in its notice period`);
  console.log(`[demo] who to be (console ${base}/sign-in, the dev form; or npm run token -- …):
  bureau         --role bureau                          → /b/overview, /b/rounds, /b/roadshows
  manufacturer   --role manufacturer --org ent_demo_1   → /m/scenarios (20 scenarios, matches, proposals)
  platform       --role platform --org <id from /directory> → /p/leads
  district       --role district --district 崂山区       → /d/applications
  public         no sign-in                             → /directory, /scenarios, /notices`);
} catch (err) {
  console.error(`[demo] ${(err as Error).message}`);
  process.exit(1);
}
