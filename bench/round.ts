import { pathToFileURL } from 'node:url';
import { roundApplications } from '#db/rounds';
import { indicatorReport, seedPlatforms } from './seed';
import { expectStatus, pool, startBenchStack } from './stack';
import { envNumber, fmt, printTable, sleep } from './util';

const DAY = 86_400_000;

/**
 * A yearly round at city scale through the API and the real assess consumer: n platforms apply and
 * submit, every application is assessed on the round year's report, then the round closes and the
 * public notice (公示) is started and read.
 */
export async function benchRound(o: { applications?: number; timeoutSec?: number; log?: (s: string) => void } = {}) {
  const n = o.applications ?? envNumber('BENCH_ROUND_N', 1000, 100);
  const timeoutSec = o.timeoutSec ?? envNumber('BENCH_ROUND_TIMEOUT_SEC', 300, 90);
  const log = o.log ?? (() => undefined);
  // The reconciler stays out of the measurement: nothing here is lost, so nothing needs re-driving.
  const b = await startBenchStack({ env: { RECONCILE_AFTER_SEC: '86400' } });
  try {
    const year = new Date().getUTCFullYear() - 1;
    log(`round: registering ${n} platforms and their ${year} reports`);
    const seeded = await seedPlatforms(b, 0, n, 0);
    // Reports go in without queueing the continuous reassessment, which this benchmark is not about.
    await b.quietly(() =>
      pool(seeded, 8, async (p, i) => expectStatus(await b.call('PUT', `/v1/platforms/${p.id}/indicators/${year}`, { token: p.token, body: indicatorReport(i, p.category) }), 202, 'report')),
    );
    const bureau = await b.token('bureau');
    const round = await b.call('POST', '/v1/rounds', {
      token: bureau,
      body: { year, opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: new Date(Date.now() + 30 * DAY).toISOString(), noticeDays: 7 },
    });
    expectStatus(round, 201, 'open round');
    const roundId = round.body.id as string;

    log(`round: ${n} applications applied and submitted`);
    const t0 = Date.now();
    await pool(seeded, 8, async (p) => {
      const a = await b.call('POST', `/v1/rounds/${roundId}/applications`, { token: p.token, body: { platformId: p.id } });
      expectStatus(a, 201, 'apply');
      expectStatus(await b.call('POST', `/v1/applications/${a.body.id}/submit`, { token: p.token }), 202, 'submit');
    });
    const submitSec = (Date.now() - t0) / 1000;

    log('round: waiting for every assessment');
    const deadline = Date.now() + timeoutSec * 1000;
    let apps = await roundApplications(b.store, roundId);
    while (apps.some((a) => a.status !== 'assessed') && Date.now() < deadline) {
      await sleep(250);
      apps = await roundApplications(b.store, roundId);
    }
    const assessed = apps.filter((a) => a.status === 'assessed');
    const lastAssessed = Math.max(...assessed.map((a) => Date.parse(a.assessedAt!)));
    const assessSec = (lastAssessed - t0) / 1000;

    const t1 = performance.now();
    expectStatus(await b.call('POST', `/v1/rounds/${roundId}/close`, { token: bureau }), 200, 'close');
    const notice = await b.call('POST', `/v1/rounds/${roundId}/notice`, { token: bureau });
    expectStatus(notice, 200, 'notice');
    const noticeMs = performance.now() - t1;
    const t2 = performance.now();
    const list = await b.call('GET', `/v1/public/notices/${roundId}`);
    expectStatus(list, 200, 'read notice');
    const readMs = performance.now() - t2;
    const levels = [0, 0, 0, 0];
    for (const a of assessed) levels[a.level ?? 0]!++;
    return {
      applications: n,
      assessed: assessed.length,
      complete: assessed.length === n,
      submitSec,
      assessSec,
      totalSec: (Date.now() - t0) / 1000,
      noticeMs,
      readMs,
      noticeEntries: list.body.entries.length as number,
      levels,
    };
  } finally {
    await b.stop();
  }
}

export function printRound(r: Awaited<ReturnType<typeof benchRound>>) {
  printTable(
    `7. 年度培优轮次 yearly round: ${r.applications.toLocaleString('en-US')} applications assessed and noticed`,
    ['what', 'time', 'rate', 'note'],
    [
      [`apply + submit × ${r.applications} via API`, `${fmt(r.submitSec, 1)} s`, `${fmt(r.applications / r.submitSec, 0)} /s`, '8 concurrent clients, in-process requests'],
      ['first submit → last application assessed', `${fmt(r.assessSec, 1)} s`, `${fmt(r.assessed / r.assessSec, 0)} /s`, `${r.assessed}/${r.applications} assessed${r.complete ? '' : ' (TIMEOUT)'}; levels 0/1/2/3 = ${r.levels.join('/')}`],
      ['close + start notice', `${fmt(r.noticeMs, 0)} ms`, '—', 'checks no submission is still being assessed'],
      ['GET public notice list', `${fmt(r.readMs, 0)} ms`, '—', `${r.noticeEntries} entries (level ≥ 1)`],
      ['whole round, first submit → notice read', `${fmt(r.totalSec, 1)} s`, '—', ''],
    ],
    ['Local: one assess poller, batches of 10; on AWS the assess queue scales out.'],
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchRound({ log: (s) => console.error(s) });
  printRound(r);
}
