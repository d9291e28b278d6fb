import { AppError } from '#core/errors';
import { funnel } from '#core/funnel';
import type { Principal } from '#core/principal';
import type { DistrictRow } from '#core/schemas/district';
import { ScenarioStatus } from '#core/schemas/scenario';
import { REGIONS } from '#core/taxonomy';
import { allLeads } from '#db/leads';
import { allPlatforms } from '#db/platforms';
import { allRounds, roundApplications } from '#db/rounds';
import { scenariosInStatuses } from '#db/scenarios';
import { timeliness } from '#core/district-timeliness';
import type { Deps } from '#runtime/deps';
import { storeOf } from './store';

/** 区市对比 (bureau): the ten districts side by side, in the vocabulary's order. */
export async function districtComparison(deps: Deps, who: Principal): Promise<DistrictRow[]> {
  if (who.role !== 'bureau') throw new AppError('FORBIDDEN');
  const s = storeOf(deps);
  const [platforms, leads, scenarios, rounds] = await Promise.all([
    allPlatforms(s),
    allLeads(s),
    scenariosInStatuses(s, ScenarioStatus.options),
    allRounds(s),
  ]);
  const reviewed = rounds.filter((r) => r.districtReview).sort((a, b) => b.year - a.year)[0];
  const apps = reviewed ? await roundApplications(s, reviewed.id) : [];
  return REGIONS.map(({ code }) => {
    const mine = platforms.filter((p) => p.region === code);
    const f = funnel(leads.filter((l) => l.scenario.region === code));
    const theirs = apps.filter((a) => a.region === code && a.districtReview);
    const counts = { pending: 0, endorsed: 0, returned: 0 };
    for (const a of theirs) counts[a.districtReview!.status]++;
    const review = { ...counts, ...timeliness(theirs, deps.now()) };
    return {
      region: code,
      platforms: mine.length,
      byLevel: [0, 1, 2, 3].map((l) => mine.filter((p) => p.level === l).length),
      scenarios: scenarios.filter((x) => x.region === code).length,
      leads: f.leads,
      accepted: f.accepted,
      signed: f.signed,
      contractWan: f.contractWan,
      review,
    };
  });
}
