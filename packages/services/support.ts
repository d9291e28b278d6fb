import { AppError, conflict, forbidden, invalid, notFound } from '#core/errors';
import { newId } from '#core/ids';
import type { Principal } from '#core/principal';
import type { EligibleRow, Grant, PaymentInput, Programme, ProgrammeInput } from '#core/schemas/support';
import { amountFor, cents, checkRule, type SupportFacts } from '#core/support/eligibility';
import { allSelections } from '#db/selections';
import { reportedYears } from '#db/indicators';
import { allPlatforms, getPlatform } from '#db/platforms';
import { getDirectoryYear } from '#db/rounds';
import * as repo from '#db/support';
import type { PlatformRecord } from '#db/platforms';
import type { Deps } from '#runtime/deps';
import { actorOf, audit, type Origin } from './audit';
import type { Store } from '#db/store';
import { nowIso, storeOf } from './store';

// 第十七条 奖补: programmes, who is eligible and why, applications and nominations, approval within
// the budget, payments within the approval, and the ledger.

const bureauOnly = (who: Principal) => {
  if (who.role !== 'bureau') throw forbidden();
};

export async function createProgramme(deps: Deps, who: Principal, input: ProgrammeInput, origin: Origin = {}): Promise<Programme> {
  bureauOnly(who);
  if (input.capWan > input.budgetWan) throw invalid('capWan', '单个平台上限不能超过总预算 / The per-platform cap cannot exceed the budget');
  if (Object.keys(input.rule).length === 0) throw invalid('rule', '至少需要一个资格条件 / The rule needs at least one condition');
  const p: Programme = { ...input, id: newId('sup', deps.now().getTime()), committedWan: 0, paidWan: 0, createdAt: nowIso(deps), createdBy: who.userId };
  await repo.createProgramme(storeOf(deps), p);
  await audit(deps, { action: 'support.programme_created', actor: actorOf(who), target: p.id, details: { name: p.name, year: p.year, budgetWan: p.budgetWan } }, origin);
  return p;
}

/** Programmes are public policy: any signed-in role may read them. */
export async function listProgrammes(deps: Deps): Promise<Programme[]> {
  return repo.allProgrammes(storeOf(deps));
}

async function mustProgramme(s: Store, id: string): Promise<Programme> {
  const p = await repo.getProgramme(s, id);
  if (!p) throw notFound('奖补项目 programme');
  return p;
}

/** What the service knows about each platform for the programme's year, read once per call. */
async function factsFor(s: Store, year: number, platforms: PlatformRecord[]): Promise<Map<string, SupportFacts>> {
  const [dir, before, selections] = await Promise.all([getDirectoryYear(s, year), getDirectoryYear(s, year - 1), allSelections(s, year)]);
  const listed = new Set(dir?.entries.map((e) => e.platformId));
  const listedBefore = new Set(before?.entries.map((e) => e.platformId));
  const reported = await Promise.all(platforms.map(async (p) => (await reportedYears(s, p.id)).some((r) => r.year === year)));
  return new Map(
    platforms.map((p, i) => {
      const mine = selections.filter((x) => x.platformId === p.id && x.result !== 'not_selected');
      return [p.id, {
        level: p.level,
        category: p.category,
        listed: listed.has(p.id),
        listedYearBefore: listedBefore.has(p.id),
        selected: { province: mine.some((x) => x.body === 'province'), nation: mine.some((x) => x.body === 'nation') },
        reported: reported[i]!,
      }];
    }),
  );
}

function row(prog: Programme, p: PlatformRecord, f: SupportFacts): EligibleRow {
  const checks = checkRule(prog.rule, f, prog.year);
  const amountWan = amountFor(prog.amount, prog.capWan, p.level);
  return { platformId: p.id, platformName: p.name, level: p.level, eligible: checks.every((c) => c.met) && amountWan > 0, amountWan, checks };
}

/** Every registered platform against the rule, eligible first (bureau). */
export async function eligibility(deps: Deps, who: Principal, programmeId: string): Promise<EligibleRow[]> {
  bureauOnly(who);
  const s = storeOf(deps);
  const prog = await mustProgramme(s, programmeId);
  const platforms = await allPlatforms(s);
  const facts = await factsFor(s, prog.year, platforms);
  return platforms.map((p) => row(prog, p, facts.get(p.id)!)).sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.amountWan - a.amountWan || a.platformName.localeCompare(b.platformName));
}

/** A platform applies for itself, or the bureau nominates it; either way only if the rule holds. */
export async function proposeGrant(deps: Deps, who: Principal, programmeId: string, input: { platformId: string; note?: string }, origin: Origin = {}): Promise<Grant> {
  if (who.role === 'platform' ? who.org !== input.platformId : who.role !== 'bureau') throw forbidden();
  const s = storeOf(deps);
  const prog = await mustProgramme(s, programmeId);
  const platform = await getPlatform(s, input.platformId);
  if (!platform) throw notFound('平台 platform');
  const r = row(prog, platform, (await factsFor(s, prog.year, [platform])).get(platform.id)!);
  if (!r.eligible) {
    const unmet = r.checks.filter((c) => !c.met).map((c) => c.text);
    throw new AppError('CONFLICT', `不符合奖补条件 / Not eligible: ${unmet.join('; ') || '金额为零 / amount is zero'}`, unmet.map((m) => ({ path: 'platformId', message: m })));
  }
  const g: Grant = {
    id: newId('grt', deps.now().getTime()),
    programmeId,
    platformId: platform.id,
    platformName: platform.name,
    via: who.role === 'bureau' ? 'nomination' : 'application',
    ...(input.note ? { note: input.note } : {}),
    status: 'proposed',
    eligibleWan: r.amountWan,
    checks: r.checks,
    paidWan: 0,
    payments: [],
    createdAt: nowIso(deps),
  };
  if (!(await repo.createGrant(s, g))) throw conflict('该平台已申请或被推荐此项目 / This platform already has a grant record in this programme');
  await audit(deps, { action: 'support.grant_proposed', actor: actorOf(who), target: g.id, details: { programmeId, platformId: g.platformId, via: g.via } }, origin);
  return g;
}

async function mustGrant(s: Store, id: string): Promise<Grant> {
  const g = await repo.findGrant(s, id);
  if (!g) throw notFound('奖补记录 grant');
  return g;
}

/** Approval commits money: the programme's budget can never be exceeded, racing approvals included. */
export async function approve(deps: Deps, who: Principal, grantId: string, input: { amountWan?: number; note?: string }, origin: Origin = {}): Promise<Grant> {
  bureauOnly(who);
  const s = storeOf(deps);
  const g = await mustGrant(s, grantId);
  const prog = await mustProgramme(s, g.programmeId);
  const amount = input.amountWan ?? g.eligibleWan;
  if (amount > g.eligibleWan) throw invalid('amountWan', `核定金额不能超过可享金额 ${g.eligibleWan} 万元 / At most the eligible ${g.eligibleWan} (10k yuan)`);
  if (g.status !== 'proposed') throw conflict(`该记录已是 ${g.status} / The grant is already ${g.status}`);
  if (!(await repo.approveGrant(s, g, prog.budgetWan, amount, nowIso(deps), input.note))) {
    const now = await mustGrant(s, grantId);
    if (now.status !== 'proposed') throw conflict(`该记录已是 ${now.status} / The grant is already ${now.status}`);
    const left = (cents(prog.budgetWan) - cents((await mustProgramme(s, g.programmeId)).committedWan)) / 100;
    throw conflict(`超出项目预算：剩余 ${left} 万元，本次 ${amount} 万元 / Over budget: ${left} left, ${amount} asked (10k yuan)`);
  }
  await audit(deps, { action: 'support.grant_approved', actor: actorOf(who), target: g.id, details: { programmeId: g.programmeId, amountWan: amount } }, origin);
  return mustGrant(s, grantId);
}

export async function reject(deps: Deps, who: Principal, grantId: string, note: string, origin: Origin = {}): Promise<Grant> {
  bureauOnly(who);
  const s = storeOf(deps);
  const g = await mustGrant(s, grantId);
  if (!(await repo.rejectGrant(s, g, nowIso(deps), note))) throw conflict(`该记录已是 ${(await mustGrant(s, grantId)).status} / The grant is already decided`);
  await audit(deps, { action: 'support.grant_rejected', actor: actorOf(who), target: g.id, details: { programmeId: g.programmeId } }, origin);
  return mustGrant(s, grantId);
}

export async function pay(deps: Deps, who: Principal, grantId: string, input: PaymentInput, origin: Origin = {}): Promise<Grant> {
  bureauOnly(who);
  const s = storeOf(deps);
  const g = await mustGrant(s, grantId);
  if (g.status !== 'approved') throw conflict(g.status === 'paid' ? '已足额拨付 / Already paid in full' : '尚未核定，不能拨付 / Not approved, nothing to pay');
  const left = (cents(g.approvedWan ?? 0) - cents(g.paidWan)) / 100;
  if (input.amountWan > left) throw invalid('amountWan', `拨付金额超过核定未付金额 ${left} 万元 / More than the ${left} (10k yuan) approved and unpaid`);
  const payment = { id: newId('pay', deps.now().getTime()), ...input, recordedAt: nowIso(deps) };
  if (!(await repo.recordPayment(s, g, payment))) throw conflict('该记录刚被他人修改，请刷新后重试 / The grant changed meanwhile; reload and retry');
  await audit(deps, { action: 'support.payment_recorded', actor: actorOf(who), target: g.id, details: { programmeId: g.programmeId, amountWan: input.amountWan, voucherNo: input.voucherNo } }, origin);
  return mustGrant(s, grantId);
}

/** The ledger: the programme with its money and every grant (bureau). */
export async function ledger(deps: Deps, who: Principal, programmeId: string): Promise<{ programme: Programme; grants: Grant[] }> {
  bureauOnly(who);
  const s = storeOf(deps);
  const programme = await mustProgramme(s, programmeId);
  const grants = (await repo.programmeGrants(s, programmeId)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { programme, grants };
}

/** A platform's own grants across programmes (the platform itself and the bureau). */
export async function platformGrants(deps: Deps, who: Principal, platformId: string): Promise<Grant[]> {
  if (!(who.role === 'bureau' || (who.role === 'platform' && who.org === platformId))) throw notFound('平台 platform');
  return repo.platformGrants(storeOf(deps), platformId);
}
