import { conflict, forbidden, notFound } from '#core/errors';
import { deterministicId } from '#core/ids';
import { parseContact } from '#core/accounts/contact';
import type { Principal } from '#core/principal';
import { districtOrgId } from '#core/schemas/account';
import type { DistrictReminder } from '#core/schemas/round';
import type { Region } from '#core/taxonomy';
import { listMembers } from '#db/organisations';
import * as repo from '#db/rounds';
import { inboxNotifier } from '#notify/inbox';
import type { Deps } from '#runtime/deps';
import { actorOf, audit, type Origin } from './audit';
import { nowIso, storeOf } from './store';

/**
 * 第四条: the city reminds a district that has applications waiting for its first review. The
 * district's inbox gets one notice per round and day (a second reminder the same day changes nothing
 * there); its people are messaged each time the bureau asks.
 */
export async function remindDistrict(deps: Deps, who: Principal, roundId: string, district: Region, origin: Origin = {}): Promise<DistrictReminder> {
  if (who.role !== 'bureau') throw forbidden();
  const s = storeOf(deps);
  const round = await repo.getRound(s, roundId);
  if (!round) throw notFound('轮次 round');
  if (!round.districtReview) throw conflict('本轮次未设区（市）初审 / This round has no district first review');
  if (round.status !== 'open' && round.status !== 'closed') throw conflict('公示已开始，初审已结束 / The notice has started; the first review is over');
  const pending = (await repo.roundApplications(s, roundId)).filter((a) => a.region === district && a.districtReview?.status === 'pending');
  if (!pending.length) throw conflict(`${district}没有待初审的申报 / ${district} has no application waiting for its review`);
  const at = nowIso(deps);
  const title = { zh: `请尽快初审：${pending.length} 份申报待${district}推荐`, en: `${pending.length} application(s) await your first review` };
  const body = { zh: pending.map((a) => a.platformName).join('、'), en: `${round.year} round: see the first-review queue (/d/applications).` };
  if (await repo.claimDistrictReminder(s, roundId, district, at))
    await inboxNotifier(s).notify({ id: deterministicId('ntf', 'district-remind', roundId, district, at.slice(0, 10)), recipient: { kind: 'district', id: district }, event: 'round.district_reminder', title, body, ref: `rounds/${roundId}`, at });
  let messaged = 0;
  for (const m of await listMembers(s, districtOrgId(district))) {
    const contact = parseContact(m.contact);
    if (contact?.kind !== 'email') continue;
    await deps.messenger.send(contact, { subject: title.zh, text: `${title.zh}：${body.zh}。 / ${title.en}.` });
    messaged++;
  }
  await audit(deps, { action: 'round.district_reminded', actor: actorOf(who), target: roundId, details: { district, pending: pending.length, messaged } }, origin);
  return { roundId, district, pending: pending.length, messaged, at };
}
