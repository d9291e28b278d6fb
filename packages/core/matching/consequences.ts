/**
 * Needs told only through what they cost: "电费一个月四十多万", "返修率百分之六", "等化验结果要大半天",
 * "上个月被客户索赔两次". No remedy is named, yet each figure implies one. A consequence is a subject
 * (what costs, fails or waits) next to a figure (money, a rate, a wait); the subject says which
 * concepts the writer needs. The inference is returned with the words it came from, so the match
 * reasons can show it.
 */
export interface Consequence {
  /** The words the inference was read from, as written (normalised). */
  phrase: string;
  concepts: readonly string[];
}

// What a cost, rate or wait is about → the concepts it implies. First rule whose subject matches wins.
const SUBJECTS: readonly [RegExp, readonly string[]][] = [
  // Material that is not where the line needs it: a logistics need, not a maintenance one.
  [/等料|缺料|断料|齐套|找料|待料|料没到|料不到/, ['intralogistics', 'warehousing']],
  [/电|能耗|蒸汽|燃气|天然气|煤|水费|空压|用气|用水|能源|energy|electric|power|steam/, ['energy_monitoring', 'energy_saving']],
  [/返工|返修|报废|废品|废料|不良|次品|良品|良率|合格|直通|一次通过|瑕疵|退货|索赔|客诉|投诉|scrap|rework|reject|yield|defect|complaint|claim|return/, ['rework_scrap', 'quality_analysis']],
  [/化验|检测|检验|送检|实验室|测试|出报告|报告|结果|样品|取样|lab|test|sample|assay/, ['lab_testing']],
  [/库存|呆滞|积压|压库|仓库|盘点|盘亏|找料|找货|inventory|stock|warehouse/, ['warehousing']],
  [/运费|物流|运输|压车|排队|装车|发货|送货|车队|freight|shipping|truck|logistics/, ['transport']],
  [/停机|停线|停产|维修|抢修|修理|备件|故障|downtime|repair|breakdown/, ['equipment_failure']],
  [/交期|延期|违约|误期|延误|准交|交付|交货|赶工|加班|overtime|delay|late|delivery/, ['scheduling']],
  [/排放|超标|环保|污水|废水|废气|粉尘|emission|discharge/, ['environmental']],
  [/事故|工伤|受伤|伤人|安全|隐患|accident|injury|safety/, ['accident_risk']],
  [/人工|工资|招工|招人|人力|用工|人员|工人|labou?r|wage|staff/, ['automation']],
  [/审核|审计|不符合|整改|飞检|认证|audit|finding|nonconform/, ['quality_records']],
  [/换线|换型|换.{0,3}模|切换|调机|changeover|setup/, ['small_batch_flexible']],
  [/能力|产能|产量|开机|利用|稼动|capacity|output|utili[sz]ation/, ['oee_utilization']],
];

const FIGURE = '(?:[\\d.,]+|[一二三四五六七八九十百千万两几半]+)\\s*(?:多|来|余)?';
const CLAUSE = '[^。；;,，！？!?\\n]';

// Each pattern captures the subject window (group 1) before or around a figure.
const PATTERNS: readonly RegExp[] = [
  // Money: "电费一个月四十万", "每年光返工损失就上百万", "罚了二十万"
  new RegExp(`(${CLAUSE}{1,8}?)(?:费|费用|成本|损失|开支|支出|花费|罚款|赔款|赔偿|账单|罚了|赔了|扣款|扣了)${CLAUSE}{0,10}?${FIGURE}\\s*(?:万|千|百|元|块|亿|k|rmb|usd|美金|美元)`, 'g'),
  // Rates: "返工率百分之五", "不良率3%", "合格率才九十一"
  new RegExp(`(${CLAUSE}{1,6}?)率${CLAUSE}{0,8}?(?:百分之|千分之|[\\d.]+\\s*(?:%|个点|‰)|${FIGURE}个点|才${FIGURE})`, 'g'),
  // Waiting: "等化验结果要大半天", "等报告得两天"
  new RegExp(`等(${CLAUSE}{1,10}?)(?:要|得|需要|就要|起码|至少|少说|动不动|往往)${CLAUSE}{0,4}?${FIGURE}\\s*(?:天|小时|个小时|个钟头|钟头|周|个星期|星期|分钟|个月|班)`, 'g'),
  // Durations that are themselves the complaint: "换一次模具要三个小时", "出一份报告要两天"
  new RegExp(`((?:换|出|做|调|修|找|盘|查|测|检)${CLAUSE}{1,8}?)(?:要|得|需要|就得|就要|至少|起码)${FIGURE}\\s*(?:天|小时|个小时|个钟头|钟头|周|个星期|分钟|个班)`, 'g'),
  // Counts of bad events: "上个月被客户投诉三次", "一年索赔五六回", "审核开了七个不符合项"
  new RegExp(`(${CLAUSE}{0,8}?(?:投诉|客诉|索赔|退货|罚款|处罚|事故|不符合项|整改项|停机|停线))${CLAUSE}{0,6}?${FIGURE}\\s*(?:次|回|起|单|批|项|条|个)`, 'g'),
  new RegExp(`(${CLAUSE}{0,6}?)${FIGURE}\\s*(?:次|回|起|单|批|项|条|个)${CLAUSE}{0,4}?(投诉|客诉|索赔|退货|罚款|处罚|事故|不符合项|整改项)`, 'g'),
  // Overtime and sleepless nights: "天天加班到十点", "周末都在加班"
  /((?:天天|每天|周末|通宵|连轴转)[^。；;,，！？!?\n]{0,6}?加班|加班[^。；;,，！？!?\n]{0,6}?(?:赶|交|出货))/g,
];

/** Consequences in a (normalised) need text, each with the concepts it implies. */
export function readConsequences(text: string): Consequence[] {
  const out: Consequence[] = [];
  const seen = new Set<string>();
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const subject = m.slice(1).filter(Boolean).join(' ') || m[0];
      // "停线等料四次": waiting for material anywhere in the phrase says what the stop is about.
      const rule = (SUBJECTS[0]![0].test(m[0]) ? SUBJECTS[0] : undefined) ?? SUBJECTS.find(([s]) => s.test(subject)) ?? SUBJECTS.find(([s]) => s.test(m![0]));
      if (!rule) continue;
      const phrase = m[0].trim();
      if (seen.has(phrase)) continue;
      seen.add(phrase);
      out.push({ phrase, concepts: rule[1] });
    }
  }
  return out;
}
