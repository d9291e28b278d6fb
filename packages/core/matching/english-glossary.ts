import { englishPattern, normalize } from './text';

/**
 * Chinese for the English words a mixed post uses: platforms describe themselves in Chinese, so
 * "noise test 靠 operator 耳朵" shares no word with "整机噪音检测，替代人耳听音" until its English is
 * read as 噪音 检测 操作工. The rendering feeds the lexical ranking (a gloss beside the post's own
 * words); concepts come from english-terms.ts. General shop-floor vocabulary only: nothing here comes
 * from a benchmark scenario. Phrases are listed before the words they contain.
 */
const GLOSSARY_TEXT = `
abnormal noise=异响|noise=噪音|sound=声音|vibration=振动|temperature=温度|pressure=压力|humidity=湿度|speed=速度|torque=扭矩
end of line=下线检测|end-of-line=下线检测|final test=终检|functional test=功能测试|leak test=气密性检测|burn-in=老化测试|aging test=老化测试|test=检测|testing=测试|tester=测试设备|inspection=检验|inspect=检验|inspector=检验员
first article=首件|first piece=首件|golden sample=标准样品|sample=样品|limit sample=限度样品|judgement=判定|judgment=判定|pass fail=合格判定|limits=判定标准|spec=规格|specification=规格|tolerance=公差
defect=缺陷|defects=缺陷|scratch=划伤|dent=凹坑|crack=裂纹|stain=污渍|smudge=污点|color shift=色差|colour shift=色差|color difference=色差|missing print=漏印|misprint=印刷缺陷|print=印刷|printing=印刷|label=标签|packaging=包装|carton=纸箱|folding carton=纸盒
yield=良率|scrap=报废|rework=返工|reject=不良品|complaint=投诉|customer complaint=客户投诉|return=退货|returns=退货|field return=市场退货|warranty=保修|claim=索赔|recall=召回|root cause=根本原因|correlation=关联分析|analysis=分析|trend=趋势
serial number=序列号|serial=序列号|barcode=条码|bar code=条码|qr code=二维码|lot=批次|batch=批次|batch record=批记录|traceability=追溯|trace=追溯|genealogy=追溯
operator=操作工|operators=操作工|worker=工人|technician=技术员|engineer=工程师|engineering=工程|supervisor=班组长|team leader=班组长|shift=班次|night shift=夜班|training=培训|new hire=新员工|skill=技能|manpower=人力|headcount=人数|overtime=加班
line=产线|production line=生产线|assembly line=装配线|assembly=装配|station=工位|workstation=工位|cell=单元|shop floor=车间|workshop=车间|plant=工厂|factory=工厂|site=厂区|warehouse=仓库|cleanroom=洁净车间|clean room=洁净车间
machine=设备|machines=设备|equipment=设备|tool=工具|tooling=工装|fixture=夹具|mold=模具|mould=模具|die=模具|press=冲压|injection molding=注塑|injection moulding=注塑|cnc=数控|robot=机器人|conveyor=输送线|forklift=叉车|agv=agv|crane=行车
downtime=停机|breakdown=故障|failure=故障|fault=故障|alarm=报警|maintenance=维修保养|preventive maintenance=预防性维护|predictive maintenance=预测性维护|spare part=备件|spare parts=备件|repair=维修|uptime=开机率|utilization=利用率|oee=设备综合效率
changeover=换线|change over=换线|setup=换型调机|set up=换型调机|cycle time=节拍|takt time=节拍|bottleneck=瓶颈|throughput=产出|output=产量|capacity=产能|efficiency=效率|productivity=生产效率|lead time=交期|delivery=交付|on-time delivery=准时交付|due date=交期|backlog=积压订单
schedule=排产|scheduling=排产|plan=计划|planning=计划|forecast=预测|order=订单|orders=订单|rush order=急单|customer=客户|customers=客户|supplier=供应商|suppliers=供应商|vendor=供应商|purchasing=采购|procurement=采购|shortage=缺料|material=物料|materials=物料|raw material=原材料|component=元器件|components=元器件|parts=零件
inventory=库存|stock=库存|picking=拣货|shipping=发货|shipment=发货|logistics=物流|transport=运输|truck=货车|trucks=货车|freight=运费|pallet=托盘|container=集装箱|dock=月台|traffic=交通|pedestrian=行人|pedestrians=行人|collision=碰撞|aisle=通道
process=工艺|process window=工艺窗口|parameter=参数|parameters=参数|recipe=配方|setting=设定|settings=设定|drift=漂移|stable=稳定|unstable=不稳定|control=控制|deviation=偏差|variation=波动|fluctuation=波动|reaction=反应|reactor=反应釜|batch release=批次放行|coating=涂装|painting=喷涂|welding=焊接|bonding=贴合|dispensing=点胶|soldering=焊接|reflow=回流焊|curing=固化|drying=烘干|mixing=搅拌|filling=灌装
energy=能耗|electricity=电|power=电力|utility=公用工程|utilities=公用工程|compressed air=压缩空气|air compressor=空压机|steam=蒸汽|water=水|gas=燃气|boiler=锅炉|chiller=冷水机|hvac=暖通空调|carbon=碳排放|emission=排放|emissions=排放|wastewater=废水|dust=粉尘
safety=安全|accident=事故|incident=事故|near miss=未遂事件|hazard=隐患|permit=作业票|ppe=劳保用品|helmet=安全帽|fire=火灾|explosion=爆炸|leak=泄漏|gas leak=气体泄漏|evacuation=疏散|emergency=应急
audit=审核|audit trail=审计追踪|compliance=合规|regulation=法规|certification=认证|documentation=文件记录|record=记录|records=记录|report=报告|reports=报表|reporting=报表|dashboard=看板|kpi=指标|visibility=可视化|real time=实时|real-time=实时|alert=预警|notification=通知
data=数据|database=数据库|spreadsheet=表格|excel=excel|paper=纸质|manual=人工|manually=人工|automatic=自动|automated=自动化|automation=自动化|digital=数字化|system=系统|software=软件|app=应用|platform=平台|cloud=云|sensor=传感器|sensors=传感器|gateway=网关|network=网络|wifi=无线网络|integration=集成|interface=接口
design=设计|drawing=图纸|drawings=图纸|revision=版本|version=版本|bom=物料清单|engineering change=设计变更|prototype=样机|simulation=仿真|development=研发|new product=新产品|new model=新机型|model=机型|variant=型号|variants=型号
cost=成本|costs=成本|price=价格|quote=报价|quotation=报价|budget=预算|saving=节约|savings=节约|loss=损失|penalty=罚款|fine=罚款|invoice=发票|payment=付款
service=服务|after sales=售后|after-sales=售后|field service=现场服务|installation=安装|customer service=客服|response time=响应时间|spare=备件|remote=远程|monitoring=监测|monitor=监测|tracking=跟踪|track=跟踪|location=定位|visibility=可视化
quality=质量|quality control=质量控制|quality assurance=质量保证|quality issue=质量问题|consistency=一致性|capability=过程能力|measurement=测量|measure=测量|gauge=量具|dimension=尺寸|dimensions=尺寸|weight=重量|thickness=厚度|flatness=平面度|appearance=外观|visual=外观|vision=视觉|camera=相机|image=图像
`;

interface Entry {
  re: RegExp;
  zh: string;
  words: number;
}

let entries: Entry[] | undefined;

function glossary(): Entry[] {
  if (!entries) {
    const seen = new Set<string>();
    const list: Entry[] = [];
    for (const pair of GLOSSARY_TEXT.split(/[|\n]/).map((x) => x.trim()).filter(Boolean)) {
      const [en, zh] = pair.split('=');
      const key = normalize(en!);
      if (!zh || seen.has(key)) continue;
      seen.add(key);
      list.push({ re: englishPattern(key), zh, words: key.split(/[\s-]+/).length });
    }
    // Longer phrases first, so "end of line" is read before "line".
    entries = list.sort((a, b) => b.words - a.words);
  }
  return entries;
}

/** The Chinese renderings of the English words in a text, in order of appearance; empty when none. */
export function englishGloss(text: string): string {
  const t = normalize(text);
  if (!/[a-z]{2}/.test(t)) return '';
  const taken: { start: number; end: number; zh: string }[] = [];
  for (const e of glossary()) {
    e.re.lastIndex = 0;
    for (let m = e.re.exec(t); m; m = e.re.exec(t)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!taken.some((x) => start < x.end && end > x.start)) taken.push({ start, end, zh: e.zh });
    }
  }
  return taken.sort((a, b) => a.start - b.start).map((x) => x.zh).join(' ');
}

/** How many English entries the glossary holds (README and tests quote it). */
export const glossarySize = () => glossary().length;
