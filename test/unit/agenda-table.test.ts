import { describe, expect, it } from 'vitest';
import { agendaCsv, agendaRows } from '#core/roadshow/agenda-table';

const roadshow = {
  agenda: [
    { scenarioId: 's1', scenarioTitle: '注塑机停机, "急"', platforms: [{ platformId: 'p1', platformName: '海智', score: 0.87654 }, { platformId: 'p2', platformName: '=HYPERLINK("x")', score: 0.5 }] },
    { scenarioId: 's2', scenarioTitle: '能耗', platforms: [{ platformId: 'p1', platformName: '海智', score: 0.7 }] },
  ],
};

describe('agenda export', () => {
  it('lists one row per invited platform in agenda order', () => {
    expect(agendaRows(roadshow).map((r) => [r.slot, r.rank, r.platformId, r.score])).toEqual([
      [1, 1, 'p1', 0.877],
      [1, 2, 'p2', 0.5],
      [2, 1, 'p1', 0.7],
    ]);
  });

  it('writes RFC 4180 CSV with a BOM, quotes commas and quotes, and neutralises formulas', () => {
    const csv = agendaCsv(roadshow);
    expect(csv.startsWith('\uFEFF序号 Slot,')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('1,s1,"注塑机停机, ""急""",1,p1,海智,0.877');
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
