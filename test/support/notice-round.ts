import { assessApplication } from '#services/rounds';
import { platformBody, specializedL2Report } from './fixtures';
import type { TestStack } from './stack';

/** A round taken (without pollers) to its running notice, with one listed application. */
export async function roundOnNotice(stack: TestStack, name: string, year: number): Promise<{ roundId: string; appId: string; platformId: string }> {
  const bureau = await stack.token('bureau');
  const platformId = (await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody(name) })).body.id;
  const plt = await stack.token('platform', platformId);
  const day = 86_400_000;
  const roundId = (await stack.call('POST', '/v1/rounds', { token: bureau, body: { year, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 30 * day).toISOString(), noticeDays: 7 } })).body.id;
  await stack.call('PUT', `/v1/platforms/${platformId}/indicators/${year}`, { token: plt, body: specializedL2Report() });
  const appId = (await stack.call('POST', `/v1/rounds/${roundId}/applications`, { token: plt, body: { platformId } })).body.id;
  await stack.call('POST', `/v1/applications/${appId}/submit`, { token: plt });
  await assessApplication(stack.deps, { type: 'AssessApplication', applicationId: appId, submission: 1 });
  await stack.call('POST', `/v1/rounds/${roundId}/close`, { token: bureau });
  const notice = await stack.call('POST', `/v1/rounds/${roundId}/notice`, { token: bureau });
  if (notice.status !== 200) throw new Error(`notice answered ${notice.status}: ${JSON.stringify(notice.body)}`);
  return { roundId, appId, platformId };
}
