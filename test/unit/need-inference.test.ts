import { describe, expect, it } from 'vitest';
import { ABBREVIATIONS } from '#core/matching/abbreviations';
import { inferNeed } from '#core/matching/infer';
import { readNeed } from '#core/matching/negation';
import { DEFAULT_WEIGHTS, indexPlatforms, rank, type CandidatePlatform, type ScenarioInput } from '#core/matching/score';
import { concepts } from '#core/matching/text';
import { conceptById } from '#core/matching/thesaurus';

describe('negation: what is ruled out does not count', () => {
  it.each([
    ['不想上大而全的MES，只想把每道工序的报工做起来', ['mes']],
    ['不需要AGV和立体库，只想把库位管起来', ['agv', '立体库']],
    ['我们已经上了ERP，但是车间报工还靠纸', ['erp']],
    ['问题不是设备故障，而是排产老被插单打乱', ['设备故障']],
  ])('%s', (text, excluded) => {
    const need = readNeed(text);
    expect(need.excluded).toEqual(excluded);
    for (const w of excluded) expect(need.text).not.toContain(w);
  });

  it('reads "不缺 X，缺的是 Y" as a need for Y, and a request to stop recommending X as a rejection', () => {
    const lacks = readNeed('不缺设备数据，缺的是工艺参数优化');
    expect(concepts(lacks.text)).not.toContain('device_connectivity');
    expect(concepts(lacks.text)).toContain('process_parameters');
    expect(readNeed('不要再推荐整套MES了，只想把PLC数据采出来').excluded).toEqual(['mes']);
  });

  it('keeps the pain a manufacturer wishes away, and the need after the turn', () => {
    expect(readNeed('希望以后不用再人工抄表').excluded).toEqual([]);
    expect(concepts(readNeed('不想上大而全的MES，只想把报工做起来').text)).toContain('production_execution');
    expect(concepts(readNeed('问题不是设备故障，而是排产老被插单打乱').text)).not.toContain('equipment_failure');
    expect(concepts(readNeed('问题不是设备故障，而是排产老被插单打乱').text)).toContain('scheduling');
  });

  it('does not read a negation into words that merely contain one', () => {
    expect(readNeed('生产计划跟不上变化，经常插单').excluded).toEqual([]);
    expect(readNeed('不知道要不要上系统').excluded).toEqual([]);
  });
});

describe('abbreviations: shop-floor English maps to concepts', () => {
  it('every entry has a Chinese name and names known concepts', () => {
    for (const a of ABBREVIATIONS) {
      expect(a.zh).toMatch(/[\u4e00-\u9fff]/);
      for (const c of a.concepts) expect(conceptById(c), `${a.abbr} → ${c}`).toBeDefined();
    }
  });

  it.each([
    ['OEE一直上不去', 'oee_utilization'],
    ['想用SPC盯住CPK', 'quality_analysis'],
    ['PLC是西门子的，想走Modbus TCP采出来', 'device_connectivity'],
    ['化验室想上个LIMS，COA自动出', 'lab_testing'],
    ['EHS检查老被扣分', 'accident_risk'],
    ['模具开发想先做CAE分析', 'cae_simulation'],
    ['物料编码乱，想搞MDM', 'system_integration'],
    ['老板想要个BI看板', 'visual_dashboard'],
    ['用AR眼镜让厂家工程师远程指导', 'remote_assistance'],
    ['老机床想走DNC联网', 'device_connectivity'],
    ['主机厂要PPAP资料', 'quality_records'],
    ['动火前要做JSA', 'hazardous_work'],
    ['想让大供应商做VMI', 'supply_collaboration'],
    ['装置要做HAZOP', 'accident_risk'],
    ['NB-IoT水表', 'device_connectivity'],
  ])('%s → %s', (text, concept) => {
    expect(concepts(text)).toContain(concept);
  });

  it('matches abbreviations as whole words only', () => {
    expect(concepts('smart factory')).not.toContain('xr_tech');
    expect(concepts('bimetal')).not.toContain('digital_twin');
  });
});

describe('inference: domains, technologies and industry from the words', () => {
  it('reads the domain of an unticked need', () => {
    const need = inferNeed('电费太高', '每个月电费四十多万，不知道哪台设备最费电，空压机夜里也开着');
    expect([...need.domains].sort((a, b) => b[1] - a[1])[0]![0]).toBe('energy');
  });

  it('reads an industry from what the factory makes', () => {
    expect(inferNeed('', '我们做铝型材和冷轧带钢，轧机老出故障').industries.get('C31')).toBe(1);
    expect(inferNeed('', '厂里做紧固件，热处理炉温控不稳').industries.get('C33')).toBe(1);
    expect(inferNeed('', '我们是做空调和冰箱的，总装线经常等料').industries.get('C38')).toBe(1);
  });

  it('does not infer a domain from a ruled-out solution', () => {
    const need = inferNeed('', '不需要WMS，就想知道每台叉车一天跑了多少趟');
    expect(need.excluded).toContain('wms');
    expect(need.concepts.has('warehousing')).toBe(false);
  });
});

const unit = (x: number) => new Float32Array([x, Math.sqrt(1 - x * x)]);
function platform(id: string, title: string, description: string, domains: string[]): CandidatePlatform {
  return {
    id,
    name: `平台${id}`,
    description,
    category: 'specialized',
    level: 0,
    industries: [],
    domains,
    technologies: [],
    openLeadsThisMonth: 0,
    profileVector: unit(0.5),
    solutions: [{ id: `${id}-s1`, title, description, industries: [], domains, technologies: [], vector: unit(0.5) }],
  };
}

describe('ranking reads the need, not only the ticks', () => {
  const platforms = [
    platform('energy', '能耗在线监测', '分项计量电、水、气，找出高耗能设备，峰谷用电优化，降低电费', ['energy']),
    platform('quality', '视觉缺陷检测', '工业相机拍照识别划痕、脏污与尺寸偏差，替代人工目检', ['quality']),
    platform('mes', '离散制造MES', '大型制造执行系统，覆盖计划、物料、质量、设备全流程', ['production']),
    platform('report', '轻量化报工', '扫码报工，手机上看工序进度与计件工资，小工厂一周上线', ['production']),
  ];
  const index = indexPlatforms(platforms);
  const top = (s: Partial<ScenarioInput>) =>
    rank({ industry: 'C29', domains: [], technologies: [], vector: unit(0.5), ...s }, platforms, DEFAULT_WEIGHTS, { topK: 4, minScore: -Infinity }, index);

  it('ranks an unticked need by its words and says what it inferred', () => {
    const [first] = top({ title: '电费太高', description: '每月电费几十万，想知道钱花在哪台设备上' });
    expect(first!.platformId).toBe('energy');
    expect(first!.reasons.find((r) => r.factor === 'domain')!.text).toContain('根据描述推断：能耗监测');
  });

  it('lets the text win over ticks that contradict it', () => {
    const [first] = top({ title: '电费太高', description: '每月电费几十万，想知道钱花在哪台设备上', domains: ['quality'] });
    expect(first!.platformId).toBe('energy');
  });

  it('does not pull up the solution the manufacturer ruled out', () => {
    const ranked = top({ title: '报工', description: '不想上大而全的MES，只想让工人扫码报工，看到工序进度' });
    expect(ranked[0]!.platformId).toBe('report');
    expect(ranked[0]!.reasons.find((r) => r.factor === 'concept')!.text).toContain('已排除：MES');
  });
});
