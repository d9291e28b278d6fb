import { describe, expect, it } from 'vitest';
import { readConsequences } from '#core/matching/consequences';
import { englishGloss } from '#core/matching/english-glossary';
import { ENGLISH_TERMS } from '#core/matching/english-terms';
import { inferNeed } from '#core/matching/infer';
import { circledAsNumbers, findMainAsk, proseItems, splitItems } from '#core/matching/main-ask';
import { DEFAULT_TUNING, DEFAULT_WEIGHTS, indexPlatforms, rank, type CandidatePlatform, type ScenarioInput } from '#core/matching/score';
import { conceptHits, concepts, normalize } from '#core/matching/text';
import { conceptById } from '#core/matching/thesaurus';

describe('main ask: a list of problems with one marked most urgent', () => {
  it.each([
    ['1. 排产靠Excel，插单就乱\n2. 质检记录全是纸\n3. 空压机电费高\n其中第2条最急，客户下月来审核', [1], '最急'],
    ['①模具保养靠记忆；②主机厂要货计划天天变；③新计划员排不过来。先解决②，上月送错货被罚', [1], '先解决'],
    ['一是计件单手写；二是外协发出去回来对不上数；三是客户要出货检验记录。先解决外协这块', [1], '先解决'],
    ['三个问题：窑尾排放偶尔超标；原料车排长队；空压机电耗大。第一位的是排放，再超就停产', [0], '第一位'],
    ['A 分段计划靠表格\nB 焊工资质过期还在焊\nC 找管件找半天\n领导定了先做B', [1], '先做'],
    ['事情一堆：一是发酵罐温度要人半夜看；二是配方在师傅本子里；三是想搞个小程序卖酒。优先是一和二', [0, 1], '优先'],
    ['1）稼动率心里没数；2）刀具换得勤；3）报价太慢，一张图纸要算半天（这个最要命）', [2], '最要命'],
    ['首先是仓库账实不符，其次是叉车经常撞货架，最后是月底对账慢。最头疼的是最后一条，财务天天加班', [2], '最头疼'],
    ['一个是设备老停，另一个是质检记录手填，还有一个是能耗高。别的都好说，拖不得的是质检记录，客户下月审核', [1], '拖不得'],
    ['第一件事，注塑机参数靠老师傅调；第二件事，模具保养没记录。重点是第二件事', [1], '重点是'],
  ])('%s', (text, indices, marker) => {
    const listed = splitItems(normalize(circledAsNumbers(text)));
    expect(listed?.items.length).toBeGreaterThanOrEqual(2);
    expect(findMainAsk(listed!)).toEqual({ indices, marker });
  });

  it.each([
    ['我们厂三个问题：1.仓库账实不符 2.注塑机老停机 3.能耗高。如果只能做一件，先把停机这事解决。', 1, '"做一件" is a measure, not item 1'],
    ['1、订单排产靠Excel；2、质检记录手写；3、电费高。其他都可以缓缓，质检记录最紧迫。', 1, 'the need named before the marker'],
    ['①来料检验慢 ②成品库存不准（急） ③工资计件吵架', 1, 'a bracketed "急" after an item'],
    ['1. 能耗 2. 追溯 3. 排产。第3条最紧迫。', 2, '"最紧迫" with a reference'],
    ['眼下几件事：设备老停机；仓库账不准；电费太高。当务之急是仓库。', 1, 'an inline list, the need named after the marker'],
    ['①按用气量付费没数据；②新工人上手慢；③备件型号乱。②最当紧，老师傅明年退休。', 1, '"最当紧"'],
    ['一是单耗高；二是风机轴承坏了才知道；三是库存对不上。最揪心的是第二样。', 1, '"最揪心" and "第二样"'],
    ['一是排产脱节；二是促销费用虚报；三是换口味慢。先抓二。', 1, 'the number right after the marker\'s verb'],
    ['一是窑炉温度靠看；二是成品库账不准；三是运输车排队。要我排个序，三排第一。', 2, 'the number standing right before the marker'],
    ['三件事：模具寿命没人管；来料检验手写；注塑机电耗高。电耗这块财务催得紧，别的不急。', 2, 'a boss or finance "pressing" on one, the others "can wait"'],
    ['①排班全靠手工；②原料批次追不回；③污水站加药凭经验。最让我睡不着觉的就是批次。', 1, '"最让我睡不着觉" naming the item by its words'],
    ['城阳的饮料厂。灌装线换型要半天；仓库先进先出做不到；锅炉房蒸汽跑冒滴漏。车间主任催得最紧的是换型。', 0, 'a list of semicolon parts without a colon or numbers'],
    ['1. 模具保养没台账；2. 叉车和行人混行；3. 来料检验报告手抄。总经理定了今年先动叉车。', 1, '"先动" naming the item by its words'],
    ['一是质检记录手写；二是设备点检漏检；三是成品库位乱。如果只能先做一件，那就做库位这件。', 2, '"只能先做一件" with the item named in the next clause'],
    ['（一）成品库账实不符；（二）涂装线VOCs排放监测数据手工填报；（三）模具保养无台账。其余事项可分步推进，（二）列为一号工程。', 1, 'application-form wording'],
    ['1. downtime太多，PM都是纸质的\n2. 客户要batch record\n3. changeover要两小时\nP1是第2条，audit下个月', 1, 'an English "P1" with a reference'],
    ['一是排产靠人；二是仓库找货难；三是电费高。本年度首要任务是仓库。', 1, '"本年度首要任务" naming the item by its words'],
    ['1、设备点检漏检 2、主机厂要货要紧急空运 3、质检记录手写。第三条压倒一切。', 2, '"要紧急" is not "要紧"; "压倒一切" is a marker'],
    ['黄岛船厂：一、焊缝探伤记录对不上；二、分段计划靠开会；三、管件到现场找不到。第三条最紧，节点卡在这。', 2, '"最紧"'],
    ['酱料厂，按急的顺序写：第一，杀菌记录手写；第二，经销商报单乱；第三，成品仓先进先出做不到。', 0, 'an order "by urgency" before the list'],
    ['五金厂。一、客户下单在微信里；二、计件工资手算；三、点检表是纸的。要我排个先后，二在前。', 1, '"二在前"'],
    ['1）质量问题靠邮件往来；2）焊接检测数据没有一架一档；3）拧紧数据没存。主机厂限月底，所以第二条放最前面。', 1, '"放最前面"'],
    ['一是装置单耗对标；二是进出厂车辆排队；三是压缩机振动偏大。压缩机这件事不能等。', 2, '"不能等"'],
    ['纸厂 说几个 一 蒸汽单耗往上走 二 真空泵说坏就坏 三 纸卷仓库。得先弄二 上个月停机十六个钟头', 1, 'a list typed with spaces, no punctuation'],
    ['商混站 1.减速机坏一次全站停 2.粉尘和污水 3.罐车进出排大队。先紧着3来 工地天天打电话骂', 2, '"先紧着3来"'],
    ['注塑厂 1 排产全凭主任 2 模具保养没记录 3 电费太高 第2条最急 客户来审', 1, 'numbers typed with spaces'],
    ['1. 工单派发靠微信；2. 客户 claim 错印漏印；3. 纸张库存不准。2 is P1，品牌方说再有一次就换供应商。', 1, '"2 is P1"'],
    ['调料厂：供应商证过期；设备点检是纸的；卖得好的老断货。这三个里后头那个最要命', 2, '"后头那个"'],
    ['三件事：模具没台账；计件算不清；叉车乱跑。中间那个先弄', 1, '"中间那个"'],
    ['一、发酵罐温度没人盯；二、经销商订货靠微信；三、换品种慢。头一条要是解决不了，后面两条都白搭。', 0, 'a deadline-free "the rest is no use without it"'],
    ['一是印刷错印混进成品；二是包装标签错版；三是排机靠主任。大客户说了，二是那个再出一次，整年的单子就给别人。', 1, 'a threat: "再出一次…就"'],
    ['①订单变化靠邮件；②成品库拣错；③线边送货错序被扣款。我这排下来③摆在最前面，其余两个明年做。', 2, '"摆在最前面"'],
    ['①MES想升级；②工控网和办公网是通的，没有防护；③化验数据手抄。集团信息部下的任务里第一项就是②。', 1, 'a task list\'s first item'],
    ['（1）设备点检是纸的；（2）空压机电费每月十几万；（3）刚接了个大单，产能只够一半。（3）交不出客户就换人，这单关系全年利润。', 2, 'a customer\'s threat: "…就换人"'],
    ['一个是排产没底；一个是覆膜废气要装在线监测；还有上月一批标签错字、色差，赔了二十多万。错印色差这块，老板说放在所有事前头。', 2, '"放在所有事前头"'],
    ['（一）报价慢；（二）账上有库里找不到，发错型号被罚款；（三）想上几台AGV。（二）先落地，年底审计盘点之前。', 1, '"先落地"'],
    ['质检靠人看；机器人停机没人记原因；排序发货靠人盯邮件——排序发货这块再断一次就要被换点。', 2, '"再断一次就要被换点"'],
    ['1）发酵罐温度手记；2）麦芽批次对不上；3）订货库存用Excel。其他都可以缓缓，1要先解决。', 0, 'the second marker of a sentence names the item'],
    ['1. 能耗没数据；2. 熔炼配料靠经验，scrap几十万；3. 质量档案对不上订单。2是当务之急。', 1, '"2是当务之急"'],
  ])('%s → item %i (%s)', (text, index) => {
    expect(findMainAsk(splitItems(normalize(circledAsNumbers(text)))!)?.indices).toEqual([index]);
  });

  it('leaves the priority words out of what the lexical ranking reads', () => {
    const need = inferNeed('插单一来计划全乱', '存在问题：1、质量追溯只能到批；2、生产计划靠Excel，插单一来推倒重排；3、报工不及时。三、优先级：第2项为近期重点。', DEFAULT_TUNING);
    expect(need.mainAsk?.items).toEqual([2]);
    expect(need.sentences.map((x) => x.text).join()).not.toMatch(/优先|近期重点/);
  });

  it('reads the marked problem told outside the list, ahead of the items listed after it', () => {
    const need = inferNeed('收花生排长队', '花生加工厂，最想先弄的是收购这块：过秤、定等级、算钱全靠手写，农户排长队。后面还有：出口客户要农残检测记录；想给产品做个扫码溯源。', DEFAULT_TUNING);
    expect(need.mainAsk).toMatchObject({ of: 0, marker: '最想先弄' });
    expect(need.mainAsk?.text).toContain('收购');
    expect(need.sentences.find((x) => x.text.includes('溯源'))?.weight).toBe(DEFAULT_TUNING.otherItems);
    expect(need.sentences.find((x) => x.text.includes('收购'))?.weight).toBe(1);
  });

  it('reads a story that tells its problems unnumbered, when one is marked most urgent', () => {
    const text = normalize('俺们是做汽车座椅骨架的，注塑机隔三岔五停机，一停半天。另外仓库老对不上账，月底盘点要三天。补一句：最急的是质检记录，主机厂下月来审核，记录全是纸的。');
    expect(splitItems(text)).toBeUndefined();
    const listed = proseItems(text)!;
    const main = findMainAsk(listed)!;
    expect(main.marker).toBe('最急');
    expect(listed.items[main.indices[0]!]).toContain('质检记录');
    // The stoppages and the warehouse are other problems, told apart from the marked one.
    expect(main.others?.map((i) => listed.items[i]).join()).toMatch(/停机.*仓库|仓库.*停机/);
  });

  it('reads a list typed on a phone: spaces for commas, problems told one after another', () => {
    const need = inferNeed('事儿挺多', '俺们半钢胎厂 事儿挺多 硫化机温度曲线还是班长拿本子抄 胶囊模具该换不换 另外成品库盘点老对不上数 再一个X光片全靠人眼看 夜班漏了好几条 就X光这个先弄吧 别的往后放', DEFAULT_TUNING);
    // "该换不换" rules nothing out, and a negation ends at the next space: the rest of the post is read.
    expect(need.excluded).toEqual([]);
    expect(need.mainAsk).toMatchObject({ of: 0, marker: '先弄' });
    expect(need.mainAsk?.text).toContain('x光片全靠人眼看');
    expect(need.sentences.find((x) => x.text.includes('成品库'))?.weight).toBe(DEFAULT_TUNING.otherItems);
  });

  it('takes an item the writer points back at by number as the main ask, even in words it does not know, but not one put off', () => {
    const listed = splitItems(normalize('1. 能耗没有分项计量；2. 硫化机温度没人盯；3. 成品库拣错。第2条是我们厂的命门，主机厂下周来审。'))!;
    expect(findMainAsk(listed)?.indices).toEqual([1]);
    expect(findMainAsk(listed)?.marker).toContain('未用标注词');
    expect(findMainAsk(splitItems(normalize('1. 能耗没有分项计量；2. 硫化机温度没人盯；3. 成品库拣错。第3条可以缓缓。'))!)).toBeUndefined();
    expect(findMainAsk(splitItems(normalize('1. 能耗没有分项计量；2. 硫化机温度没人盯；3. 成品库拣错。硫化机那摊子，主机厂盯着呢。'))!)?.indices).toEqual([1]);
    // A story split at its semicolons is no list: a remark after it ranks nothing.
    expect(findMainAsk(splitItems(normalize('打浆度波动大，配浆靠经验；湿部留着率低，断纸多。想从工艺数据里看出门道。'))!)).toBeUndefined();
  });

  it('reads the item a marker\'s own clause names, not the one the writer puts off', () => {
    const listed = splitItems(normalize('一是质量问题整改来回发邮件 二是每个构架的焊接检测数据要一架一档 主机厂月底来审 第二个急 第一个慢慢来'))!;
    expect(findMainAsk(listed)?.indices).toEqual([1]);
  });

  it('reads no main ask into a one-need story, however it says "先…"', () => {
    const text = normalize('水泥窑吨熟料煤耗比同行高，上面已经点名了。想请专家做个节能诊断，最好是合同能源管理那种，先改造后按省下来的钱分成。');
    expect(findMainAsk(proseItems(text)!)).toBeUndefined();
  });

  it('counts the marked problem of a told story fully, the other problems little, and names it without a number', () => {
    const need = inferNeed('几件事', '注塑机三天两头停机，维修等备件要三天。另外仓库找货难。对了，最头疼的是电费，一个月四十万，没人说得清花在哪。', DEFAULT_TUNING);
    expect(need.mainAsk).toMatchObject({ of: 0, marker: '最头疼' });
    expect([...need.domains].sort((a, b) => b[1] - a[1])[0]![0]).toBe('energy');
    const stopped = need.sentences.find((x) => x.text.includes('停机'))!;
    expect(stopped.weight).toBe(DEFAULT_TUNING.otherItems);
  });

  it('reads "排第一" and "第一位" as markers, not as references to item 1', () => {
    const listed = splitItems(normalize('1）化验数据手抄；2）特殊作业还是纸质票；3）蒸汽单耗高。排第一的是2），上周刚被通报'))!;
    expect(findMainAsk(listed)?.indices).toEqual([1]);
  });

  it('does not let a cue word inside an item outrank the writer\'s own marker', () => {
    const listed = splitItems(normalize('1. 每次开机要先把模具预热半小时\n2. 电费太高\n3. 报工靠纸\n最急的是第3条'))!;
    expect(findMainAsk(listed)?.indices).toEqual([2]);
  });

  it('finds no list in a story, and no main ask in a list without a marker', () => {
    expect(splitItems('我们做汽车内饰件，注塑机经常突然停机，等三天备件。')).toBeUndefined();
    expect(splitItems('两条线1.5小时换一次模，3.5万一套的模具')).toBeUndefined();
    expect(findMainAsk(splitItems('1. 排产难\n2. 质检记录是纸\n3. 电费高')!)).toBeUndefined();
  });

  it('weighs the marked item fully and the others little, and says so in the reasons', () => {
    const need = inferNeed('三件事', '1. 排产靠Excel，插单就乱，交期老拖\n2. 电费太高\n3. 客户审核要质检记录\n最急的是第2条', DEFAULT_TUNING);
    expect(need.mainAsk).toMatchObject({ items: [2], of: 3, marker: '最急' });
    expect([...need.domains].sort((a, b) => b[1] - a[1])[0]![0]).toBe('energy');
  });
});

describe('English terms: phrases, plurals and case', () => {
  it.each([
    ['Changeovers 太慢', 'small_batch_flexible'],
    ['set-up time 两个小时', 'small_batch_flexible'],
    ['SETUP TIME too long', 'small_batch_flexible'],
    ['客户 audit 要 Audit Trail', 'pharma_gmp'],
    ['unplanned downtime 太多', 'equipment_failure'],
    ['breakdowns every week', 'equipment_failure'],
    ['First Article 靠手填', 'quality_records'],
    ['batch records 还是纸的', 'pharma_gmp'],
    ['lead times 太长', 'scheduling'],
    ['Scrap Rate 5%', 'rework_scrap'],
    ['process window 太窄', 'process_parameters'],
  ])('%s → %s', (text, concept) => {
    expect(concepts(text)).toContain(concept);
  });

  it('matches whole words only', () => {
    expect(concepts('a wearable tag')).not.toContain('wear_lifetime');
    expect(concepts('underscrape')).not.toContain('rework_scrap');
    expect(concepts('纯中文的描述没有英文')).toEqual(concepts('纯中文的描述没有英文'));
  });

  it('reads a phrase once, as the phrase', () => {
    const hits = conceptHits('we want predictive maintenance');
    expect(hits.map((h) => h.concept)).toEqual(['equipment_failure']);
  });

  it('has several hundred terms, every one naming a known concept', () => {
    const n = Object.values(ENGLISH_TERMS).reduce((s, t) => s + (t.pain?.length ?? 0) + (t.product?.length ?? 0), 0);
    expect(n).toBeGreaterThanOrEqual(300);
    for (const id of Object.keys(ENGLISH_TERMS)) expect(conceptById(id), id).toBeDefined();
  });

  it('renders English in Chinese for the lexical ranking, phrases before words', () => {
    expect(englishGloss('end-of-line 的 noise test 靠 operator')).toBe('下线检测 噪音 检测 操作工');
    expect(englishGloss('没有英文')).toBe('');
  });
});

describe('consequences: the need told through what it costs', () => {
  it.each([
    ['每个月光电费就四十多万', ['energy_monitoring', 'energy_saving']],
    ['返修率百分之六，客户天天催', ['rework_scrap', 'quality_analysis']],
    ['等化验结果要大半天，釜只能干等', ['lab_testing']],
    ['上个月被客户索赔两次', ['rework_scrap', 'quality_analysis']],
    ['审核开了七个不符合项', ['quality_records']],
    ['换一次模要三个小时', ['small_batch_flexible']],
    ['运费一年多花了八十万', ['transport']],
  ])('%s', (text, expected) => {
    const found = readConsequences(normalize(text));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.concepts).toEqual(expected);
  });

  it('does not read a plain number as a consequence', () => {
    expect(readConsequences(normalize('我们有四十台注塑机，两百多人'))).toEqual([]);
  });

  it('shows the inference in the match reasons', () => {
    const unit = (x: number) => new Float32Array([x, Math.sqrt(1 - x * x)]);
    const p = (id: string, title: string, description: string, domains: string[]): CandidatePlatform => ({
      id, name: id, description, category: 'specialized', level: 0, industries: [], domains, technologies: [], openLeadsThisMonth: 0,
      solutions: [{ id: `${id}-1`, title, description, industries: [], domains, technologies: [], vector: unit(0.5) }],
    });
    const platforms = [p('energy', '能耗在线监测', '分项计量电、水、气，找出高耗能设备', ['energy']), p('lab', '实验室管理', '样品流转与检测报告', ['quality'])];
    const scenario: ScenarioInput = { title: '钱花哪了', description: '上个月电费四十二万，没人说得清', industry: 'C29', domains: [], technologies: [], vector: unit(0.5) };
    const [first] = rank(scenario, platforms, DEFAULT_WEIGHTS, { topK: 2, minScore: -Infinity }, indexPlatforms(platforms));
    expect(first!.platformId).toBe('energy');
    expect(first!.reasons.find((r) => r.factor === 'concept')!.text).toContain('推断：能耗监测与计量');
  });
});
