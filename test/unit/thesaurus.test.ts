import { describe, expect, it } from 'vitest';
import { DOMAINS, TECHNOLOGIES } from '#core/taxonomy';
import { concepts, tokenize } from '#core/matching/text';
import { THESAURUS, conceptById } from '#core/matching/thesaurus';

const shared = (a: string, b: string) => concepts(a).filter((c) => concepts(b).includes(c));

describe('thesaurus: pain words meet product words', () => {
  it.each([
    ['经常突发停机', '预测性维护', 'equipment_failure'],
    ['电费太高', '能耗监测', 'energy_monitoring'],
    ['一物一码', '质量追溯', 'traceability'],
    ['每单都要重新排产，插单一来交期就拖', '智能排程 APS', 'scheduling'],
    ['划痕漏检，客户投诉不良品', '基于机器视觉的表面缺陷检测', 'defect_inspection'],
    ['仓库库存对不上，叉车乱跑', 'WMS 库位管理', 'warehousing'],
    ['车间AGV老掉线', '5G专网稳定连接', 'wireless_network'],
    ['化工储罐怕泄漏', '重大危险源在线监测预警', 'hazard_monitoring'],
    ['老师傅退休经验流失', '工业机理模型沉淀专家经验', 'knowledge_capture'],
    ['换线慢，订单越来越小', '混线生产的柔性制造', 'small_batch_flexible'],
    ['仓库呆滞料多，账物不符', '智能仓储与库存预警', 'warehousing'],
    ['每月能源账单说不清花在哪', '能碳管理平台', 'energy_monitoring'],
    ['环保督察来了才发现危废台账乱', '污染源监测与危废管理', 'environmental'],
    ['巡检靠人走过场，漏巡没人知道', '移动巡检与巡检管理', 'patrol_inspection'],
    ['ERP、MES几套系统不打通，数据重复录入', '系统集成打通数据，一体化平台', 'system_integration'],
    ['供应商交期不稳，经常断料', 'SRM 供应商协同', 'supply_collaboration'],
    ['药厂批记录还是纸质，怕GMP飞检', '电子批记录与数据完整性', 'pharma_gmp'],
    ['生产报表靠人工做Excel报表', '管理驾驶舱与数据看板', 'visual_dashboard'],
    ['不知道从哪入手搞数字化', '智能制造诊断与转型咨询', 'transformation_consulting'],
    // Shop-floor phrasing and vendor wording added from general vocabulary.
    ['电机烧了，设备说坏就坏', '设备健康管理与故障告警', 'equipment_failure'],
    ['没坏也换，到期就换', '按需维护', 'condition_based_maintenance'],
    ['订单插队、临时加单，计划一天一变', '自动排产', 'scheduling'],
    ['设备品牌杂，老机床数据导不出', '采集终端即插即用、协议适配', 'device_connectivity'],
    ['人一走经验就没了，新人培训周期长', '案例库与在线培训', 'knowledge_capture'],
    ['人工挑选，经常看走眼', '视觉质检', 'defect_inspection'],
    ['出了问题想反查批号找源头', '正反向追溯', 'traceability'],
    ['电老虎太多，煤耗气耗都高', '能源在线监测', 'energy_monitoring'],
    ['拉闸限电，谷电用不上', '储能系统削峰填谷', 'power_tariff'],
    ['监控室的人盯监控盯不住', 'AI摄像头行为分析', 'video_ai_safety'],
    ['厂里人推车来回跑送料', '无人搬运与移动机器人', 'intralogistics'],
    ['外发加工全靠微信群问进度', '外协管理协同平台', 'outsourcing_collaboration'],
    ['资金压力大，贷不到款', '订单融资', 'supply_finance'],
    ['数据导来导去，几套系统各用各的', '数据集成与单点登录', 'system_integration'],
    ['样机反复试验，试验成本太高', '虚拟试验与数值模拟', 'cae_simulation'],
  ])('%s ↔ %s share %s', (pain, product, concept) => {
    expect(shared(pain, product)).toContain(concept);
  });

  it('does not connect unrelated needs', () => {
    expect(shared('电费太高', '表面缺陷智能检测')).toEqual([]);
    expect(shared('冷库夜间失温', '协同设计与图纸会签')).toEqual([]);
    expect(shared('能源账单太高', 'SRM 供应商协同')).toEqual([]);
    expect(shared('回转窑熟料能耗', '电子批记录')).toEqual([]);
    // Generic words that would sit inside unrelated text were left out on purpose.
    expect(concepts('不合格品管理')).not.toContain('electronics');
    expect(concepts('老板想在手机上看产量')).not.toContain('electronics');
  });

  it('matches Latin acronyms as whole words only', () => {
    expect(concepts('上AGV调度')).toContain('intralogistics');
    expect(concepts('smart factory')).not.toContain('xr_tech');
  });
});

describe('thesaurus: data integrity', () => {
  const domains = new Set<string>(DOMAINS.map((d) => d.code));
  const technologies = new Set<string>(TECHNOLOGIES.map((t) => t.code));

  it('has a sensible number of concepts with unique ids', () => {
    const ids = THESAURUS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(60);
    expect(ids.length).toBeLessThanOrEqual(120);
    expect(conceptById('equipment_failure')?.domain).toBe('maintenance');
  });

  it('names only valid taxonomy codes', () => {
    for (const c of THESAURUS) {
      if (c.domain !== undefined) expect(domains, c.id).toContain(c.domain);
      if (c.technology !== undefined) expect(technologies, c.id).toContain(c.technology);
    }
  });

  it('covers every domain and every technology', () => {
    expect(new Set(THESAURUS.map((c) => c.domain).filter(Boolean))).toEqual(domains);
    expect(new Set(THESAURUS.map((c) => c.technology).filter(Boolean))).toEqual(technologies);
  });

  it('gives every concept words from both sides, no lone characters, weights in (0, 1]', () => {
    for (const c of THESAURUS) {
      expect(c.pain.length, c.id).toBeGreaterThan(0);
      expect(c.product.length, c.id).toBeGreaterThan(0);
      for (const t of [...c.pain, ...c.product]) {
        expect(t.length, `${c.id}: ${t}`).toBeGreaterThanOrEqual(2);
        expect(t, `${c.id}: ${t}`).toBe(t.toLowerCase());
      }
      if (c.weight !== undefined) {
        expect(c.weight).toBeGreaterThan(0);
        expect(c.weight).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('tokenize', () => {
  it('keeps thesaurus terms whole and drops stopwords and punctuation', () => {
    const tokens = tokenize('我们希望实现预测性维护，降低非计划停机！');
    expect(tokens).toContain('预测性维护');
    expect(tokens).toContain('非计划停机');
    for (const stop of ['我们', '希望', '实现', '，', '！']) expect(tokens).not.toContain(stop);
  });

  it('normalises full-width Latin and case', () => {
    expect(tokenize('ＡＧＶ调度')).toContain('agv');
  });
});
