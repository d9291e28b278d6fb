import { describe, expect, it } from 'vitest';
import { funnel, funnelBy, medianFirstResponseHours } from '#core/funnel';
import type { Lead } from '#core/schemas/lead';

const base: Lead = {
  id: 'l', scenarioId: 's', platformId: 'p', platformName: 'P', status: 'pending', score: 0.5, reasons: [],
  scenario: { title: 't', industry: 'C38', domains: ['maintenance'], region: '崂山区', enterpriseName: 'e', ownerOrg: 'o' },
  delivery: { webhook: 'none', attempts: 0 }, createdAt: '2026-03-01T00:00:00.000Z',
};
const lead = (over: Partial<Lead>): Lead => ({ ...base, ...over });

describe('funnel', () => {
  const leads = [
    lead({ id: '1' }),
    lead({ id: '2', status: 'declined', decidedAt: '2026-03-01T10:00:00.000Z' }),
    lead({ id: '3', status: 'contacted', decidedAt: '2026-03-01T02:00:00.000Z' }),
    lead({ id: '4', status: 'delivered', decidedAt: '2026-03-02T00:00:00.000Z', contract: { valueWan: 80, signedOn: '2026-03-20' }, signedConfirmedAt: 'x', deliveredConfirmedAt: 'y', rating: { stars: 5, at: 'z' } }),
    lead({ id: '5', status: 'lost', decidedAt: '2026-03-01T04:00:00.000Z', contract: { valueWan: 20, signedOn: '2026-03-09' }, rating: { stars: 2, at: 'z' }, createdAt: '2026-04-02T00:00:00.000Z' }),
  ];

  it('counts a lead at every stage it passed; a deal lost after signing keeps its contract', () => {
    expect(funnel(leads)).toEqual({
      leads: 5, accepted: 3, signed: 2, signedConfirmed: 1, delivered: 1, deliveredConfirmed: 1, lost: 1,
      contractWan: 100, contractWanConfirmed: 80, rated: 2, meanStars: 3.5,
    });
  });

  it('groups by month and takes the median time to the first response', () => {
    expect(funnelBy(leads, (l) => l.createdAt.slice(0, 7)).map((r) => [r.key, r.leads, r.signed])).toEqual([['2026-03', 4, 1], ['2026-04', 1, 1]]);
    // Decided after 10, 2 and 24 hours; lead 5's decision predates it (bad data) and is left out.
    expect(medianFirstResponseHours(leads)).toBe(10);
    expect(medianFirstResponseHours([lead({})])).toBeNull();
  });
});
