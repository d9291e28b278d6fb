import { listSolutions, getPlatform } from '#db/platforms';
import { getScenario, transitionScenario } from '#db/scenarios';
import type { EmbedMessage } from '#queue/messages';
import type { Deps } from '#runtime/deps';
import { nowIso, storeOf } from './store';
import { platformText, scenarioText, solutionText } from './texts';
import { embedCached } from './vectors';

/**
 * The embed consumer. For a scenario: embed it, then `published → matching` and hand over to the
 * match queue. For a platform: embed its profile and solutions, then ask for it to be matched
 * against the scenarios still open.
 */
export async function runEmbed(deps: Deps, msg: EmbedMessage): Promise<void> {
  const s = storeOf(deps);
  if (msg.type === 'ScenarioPublished') {
    const sc = await getScenario(s, msg.scenarioId);
    if (!sc || !['published', 'matching'].includes(sc.status)) return;
    const { stats } = await embedCached(deps, [scenarioText(sc)]);
    deps.log.info('embedded scenario', { scenarioId: sc.id, ...stats });
    if (sc.status === 'published') {
      const moved = await transitionScenario(s, sc.id, ['published'], 'matching', nowIso(deps));
      if (!moved) return;
    }
    await deps.publisher.send('match', { type: 'MatchScenario', scenarioId: sc.id });
    return;
  }
  const p = await getPlatform(s, msg.platformId);
  if (!p) return;
  const solutions = await listSolutions(s, p.id);
  const { stats } = await embedCached(deps, [platformText(p), ...solutions.map(solutionText)]);
  deps.log.info('embedded platform', {
    platformId: p.id,
    ...stats,
    cacheHitRate: stats.requested ? (stats.memoryHits + stats.storeHits) / stats.requested : 1,
  });
  await deps.publisher.send('match', { type: 'MatchOpenScenarios', platformId: p.id });
}
