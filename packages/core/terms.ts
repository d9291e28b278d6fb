// The taxonomy's terms as plain data, with no zod: the console's browser bundles import them
// directly (taxonomy.ts builds the zod enums from the same arrays for the server).

/** A taxonomy entry: stable slug/code plus labels for both audiences. */
export interface Term<K extends string = string> {
  code: K;
  zh: string;
  en: string;
}

// GB/T 4754-2017 divisions: manufacturing C13–C43 plus the service divisions platforms work in.
export const INDUSTRIES = [
  { code: 'C13', zh: '农副食品加工业', en: 'Agricultural and sideline food processing' },
  { code: 'C14', zh: '食品制造业', en: 'Food manufacturing' },
  { code: 'C15', zh: '酒、饮料和精制茶制造业', en: 'Liquor, beverages and refined tea' },
  { code: 'C16', zh: '烟草制品业', en: 'Tobacco products' },
  { code: 'C17', zh: '纺织业', en: 'Textiles' },
  { code: 'C18', zh: '纺织服装、服饰业', en: 'Textile garments and apparel' },
  { code: 'C19', zh: '皮革、毛皮、羽毛及其制品和制鞋业', en: 'Leather, fur, feather and footwear' },
  { code: 'C20', zh: '木材加工和木、竹、藤、棕、草制品业', en: 'Wood processing and wood, bamboo, rattan products' },
  { code: 'C21', zh: '家具制造业', en: 'Furniture' },
  { code: 'C22', zh: '造纸和纸制品业', en: 'Paper and paper products' },
  { code: 'C23', zh: '印刷和记录媒介复制业', en: 'Printing and reproduction of recorded media' },
  { code: 'C24', zh: '文教、工美、体育和娱乐用品制造业', en: 'Stationery, crafts, sports and entertainment goods' },
  { code: 'C25', zh: '石油、煤炭及其他燃料加工业', en: 'Petroleum, coal and other fuel processing' },
  { code: 'C26', zh: '化学原料和化学制品制造业', en: 'Chemical raw materials and products' },
  { code: 'C27', zh: '医药制造业', en: 'Pharmaceuticals' },
  { code: 'C28', zh: '化学纤维制造业', en: 'Chemical fibres' },
  { code: 'C29', zh: '橡胶和塑料制品业', en: 'Rubber and plastic products' },
  { code: 'C30', zh: '非金属矿物制品业', en: 'Non-metallic mineral products' },
  { code: 'C31', zh: '黑色金属冶炼和压延加工业', en: 'Ferrous metal smelting and rolling' },
  { code: 'C32', zh: '有色金属冶炼和压延加工业', en: 'Non-ferrous metal smelting and rolling' },
  { code: 'C33', zh: '金属制品业', en: 'Metal products' },
  { code: 'C34', zh: '通用设备制造业', en: 'General-purpose machinery' },
  { code: 'C35', zh: '专用设备制造业', en: 'Special-purpose machinery' },
  { code: 'C36', zh: '汽车制造业', en: 'Automobiles' },
  { code: 'C37', zh: '铁路、船舶、航空航天和其他运输设备制造业', en: 'Railway, ship, aerospace and other transport equipment' },
  { code: 'C38', zh: '电气机械和器材制造业', en: 'Electrical machinery and equipment' },
  { code: 'C39', zh: '计算机、通信和其他电子设备制造业', en: 'Computers, communication and other electronic equipment' },
  { code: 'C40', zh: '仪器仪表制造业', en: 'Instruments and meters' },
  { code: 'C41', zh: '其他制造业', en: 'Other manufacturing' },
  { code: 'C42', zh: '废弃资源综合利用业', en: 'Waste resource recycling' },
  { code: 'C43', zh: '金属制品、机械和设备修理业', en: 'Repair of metal products, machinery and equipment' },
  { code: 'G55', zh: '水上运输业', en: 'Water transport' },
  { code: 'G59', zh: '装卸搬运和仓储业', en: 'Loading, unloading and warehousing' },
  { code: 'I63', zh: '电信、广播电视和卫星传输服务', en: 'Telecom, broadcasting and satellite transmission' },
  { code: 'I64', zh: '互联网和相关服务', en: 'Internet and related services' },
  { code: 'I65', zh: '软件和信息技术服务业', en: 'Software and information technology services' },
] as const satisfies readonly Term[];

export const DOMAINS = [
  { code: 'design', zh: '研发设计', en: 'R&D and design' },
  { code: 'production', zh: '生产管控', en: 'Production control' },
  { code: 'quality', zh: '质量管控', en: 'Quality control' },
  { code: 'maintenance', zh: '设备运维', en: 'Equipment maintenance' },
  { code: 'energy', zh: '能耗监测', en: 'Energy monitoring' },
  { code: 'safety', zh: '安全生产', en: 'Work safety' },
  { code: 'logistics', zh: '仓储物流', en: 'Warehousing and logistics' },
  { code: 'supply_chain', zh: '采购与供应链协同', en: 'Procurement and supply-chain collaboration' },
  { code: 'service', zh: '营销与售后服务', en: 'Marketing and after-sales service' },
  { code: 'management', zh: '经营管理', en: 'Business management' },
  { code: 'customization', zh: '个性化定制', en: 'Personalised customisation' },
  { code: 'collaboration', zh: '网络化协同', en: 'Networked collaboration' },
] as const satisfies readonly Term[];

export const TECHNOLOGIES = [
  { code: 'ai', zh: '人工智能', en: 'Artificial intelligence' },
  { code: 'digital_twin', zh: '数字孪生', en: 'Digital twin' },
  { code: '5g', zh: '5G', en: '5G' },
  { code: 'blockchain', zh: '区块链', en: 'Blockchain' },
  { code: 'identifier', zh: '标识解析', en: 'Industrial identifier resolution' },
  { code: 'low_code', zh: '低代码', en: 'Low-code' },
  { code: 'simulation', zh: '仿真', en: 'Simulation' },
  { code: 'xr', zh: '扩展现实', en: 'Extended reality (XR)' },
  { code: 'big_data', zh: '大数据', en: 'Big data' },
  { code: 'edge', zh: '边缘计算', en: 'Edge computing' },
  { code: 'iot', zh: '物联网', en: 'Internet of Things' },
] as const satisfies readonly Term[];

export const REGIONS = [
  { code: '市南区', zh: '市南区', en: 'Shinan District' },
  { code: '市北区', zh: '市北区', en: 'Shibei District' },
  { code: '李沧区', zh: '李沧区', en: 'Licang District' },
  { code: '崂山区', zh: '崂山区', en: 'Laoshan District' },
  { code: '城阳区', zh: '城阳区', en: 'Chengyang District' },
  { code: '黄岛区', zh: '黄岛区', en: 'Huangdao District' },
  { code: '即墨区', zh: '即墨区', en: 'Jimo District' },
  { code: '胶州市', zh: '胶州市', en: 'Jiaozhou City' },
  { code: '平度市', zh: '平度市', en: 'Pingdu City' },
  { code: '莱西市', zh: '莱西市', en: 'Laixi City' },
] as const satisfies readonly Term[];

export const CATEGORIES = [
  { code: 'comprehensive', zh: '综合型', en: 'Comprehensive' },
  { code: 'characteristic', zh: '特色型', en: 'Characteristic' },
  { code: 'specialized', zh: '专业型', en: 'Specialized' },
] as const satisfies readonly Term[];

export const SUBTYPES = [
  { code: 'vertical', zh: '垂直行业', en: 'Vertical industry' },
  { code: 'niche', zh: '细分领域', en: 'Niche domain' },
] as const satisfies readonly Term[];

export const TAXONOMY = {
  industries: INDUSTRIES,
  domains: DOMAINS,
  technologies: TECHNOLOGIES,
  regions: REGIONS,
  categories: CATEGORIES,
  subtypes: SUBTYPES,
} as const;
export type TermKind = keyof typeof TAXONOMY;
/** The codes of one kind of term, e.g. Code<'domains'> = 'design' | 'production' | … */
export type Code<K extends TermKind> = (typeof TAXONOMY)[K][number]['code'];
