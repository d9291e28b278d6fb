/**
 * English shop-floor, quality and compliance vocabulary, mapped to thesaurus concepts. Foreign-invested
 * and export manufacturers write "line 上 changeover 太慢" or "客户 audit 要 traceability"; the
 * acronyms are in abbreviations.ts, the words and phrases are here. Matching is case-insensitive,
 * whole-word, tolerant of plurals ("breakdowns", "batches") and of the spellings "set-up", "set up"
 * and "setup". General industrial vocabulary only: nothing here comes from a benchmark scenario.
 *
 * `pain` words describe a problem, `product` words a remedy; the difference matters when a
 * manufacturer rules something out ("不要 new MES, 只想解决 downtime": the remedy goes, the pain stays).
 */
export interface EnglishTerms {
  readonly pain?: readonly string[];
  readonly product?: readonly string[];
}

const list = (s: string) => s.split('|').map((x) => x.trim()).filter(Boolean);
const t = (pain: string, product = ''): EnglishTerms => ({ pain: list(pain), product: list(product) });

export const ENGLISH_TERMS: Readonly<Record<string, EnglishTerms>> = {
  // 设备运维
  equipment_failure: t(
    'downtime|down time|breakdown|machine breakdown|unplanned stop|unplanned stoppage|unplanned downtime|machine failure|equipment failure|failure|fault|malfunction|tripping|overheating|vibration|abnormal noise|bearing failure|motor burnout|seized|jam up|line down|machine down|outage|emergency repair|firefighting|run to failure|unexpected stop',
    'predictive maintenance|condition monitoring|vibration monitoring|vibration analysis|fault diagnosis|failure prediction|anomaly detection|health monitoring|asset health|machine health|prognostics|early warning',
  ),
  condition_based_maintenance: t(
    'over maintenance|over-maintenance|fixed interval|time based maintenance|calendar based maintenance|scheduled overhaul|overhaul|shutdown maintenance|turnaround',
    'condition based maintenance|condition-based maintenance|reliability centered maintenance|maintenance strategy|risk based maintenance',
  ),
  maintenance_management: t(
    'maintenance|maintenance record|maintenance log|repair record|work order backlog|lubrication|inspection round|daily check|maintenance team|maintenance cost|spare part consumption',
    'maintenance management|work order|maintenance work order|preventive maintenance|maintenance plan|maintenance schedule|asset management|asset register|equipment ledger|autonomous maintenance',
  ),
  wear_lifetime: t(
    'wear|tool wear|worn out|tool breakage|broken tool|tool change|tool life|die life|consumable|filter change|seal failure|replacement cycle',
    'remaining useful life|tool life management|wear monitoring|life prediction|tool management',
  ),
  remote_monitoring: t(
    'installed base|field service trip|customer site|machines in the field|equipment at customer',
    'remote monitoring|remote diagnostics|remote diagnosis|connected machine|connected equipment|connected product|telemetry|over the air update|remote access|fleet monitoring',
  ),
  remote_assistance: t(
    'service engineer travel|fly in expert|on-site support|onsite support|cannot travel|travel cost|video call',
    'remote assistance|remote support|remote expert|remote guidance|see what i see|smart glasses|assisted reality',
  ),
  servitization: t('pay per use|pay-per-use|usage based|service revenue|aftermarket revenue|leasing|rental', 'servitization|equipment as a service|product as a service|outcome based|subscription model'),

  // 生产管控
  oee_utilization: t(
    'utilization|utilisation|uptime|availability|idle time|idle machine|output|throughput|capacity|low efficiency|productivity|machine hours|running hours|loss tree|six big losses|performance loss',
    'overall equipment effectiveness|machine monitoring|capacity analysis|production monitoring|efficiency dashboard|utilization tracking',
  ),
  line_efficiency: t(
    'bottleneck|minor stop|micro stop|micro stoppage|short stop|line balance|line balancing|cycle time|takt time|takt|waiting time at station|starved|blocked station|line speed|line efficiency',
    'line balancing|bottleneck analysis|cycle time analysis|line performance',
  ),
  device_connectivity: t(
    'manual data entry|manual recording|paper log|data silo|no interface|legacy machine|legacy equipment|old machines|proprietary protocol|protocol|sensor|sensors|meter|meters|data collection|data acquisition|machine data|usb stick|cannot get data',
    'machine connectivity|device connectivity|data collection|data acquisition|edge gateway|gateway|iot gateway|connectivity|industrial iot|machine to cloud|protocol conversion|retrofit sensor|plug and play',
  ),
  scheduling: t(
    'rush order|urgent order|expedite|expediting|on-time delivery|on time delivery|late delivery|delivery delay|lead time|delivery date|due date|missed deadline|schedule change|rescheduling|production plan|production planning|planner|firefighting schedule|backlog|order backlog|overtime to catch up',
    'production scheduling|scheduling|finite capacity scheduling|advanced planning|capacity planning|sales and operations planning|master schedule|planning optimization|schedule optimization',
  ),
  small_batch_flexible: t(
    'changeover|change over|changeovers|setup time|set up time|set-up time|die change|mold change|mould change|product change|high mix|high-mix low-volume|low volume|small batch|small lot|many variants|variant|variants|product mix|job shop',
    'quick changeover|single minute exchange of die|flexible manufacturing|flexible line|mixed model|mixed-model production|modular line',
  ),
  process_parameters: t(
    'process window|process parameter|process parameters|recipe|recipes|parameter drift|trial and error|tribal knowledge|operator experience|fine tuning|fine-tuning|setting|settings|machine setting|yield loss|process yield|material yield|scrap from setting',
    'process optimization|process optimisation|parameter optimization|recipe management|recipe optimization|golden recipe|golden batch|design of experiments',
  ),
  batch_consistency: t('batch to batch variation|batch variation|inconsistent batches|consistency|color difference|colour difference|out of spec batch|lot variation', 'batch consistency|golden batch|batch analytics'),
  process_control: t(
    'temperature control|pressure control|out of control|overshoot|fluctuation|process deviation|control loop|loop tuning|manual adjustment|alarm flood',
    'process control|closed loop control|closed-loop control|advanced process control|model predictive control|soft sensor|loop optimization',
  ),
  production_execution: t(
    'work in progress|work-in-progress|production reporting|shop floor|shopfloor|job ticket|traveler|traveller|paper traveler|production order|work order status|order status|job tracking|labor reporting|labour reporting',
    'manufacturing execution|manufacturing execution system|shop floor control|production tracking|electronic work instruction|digital work instruction|operator terminal|production reporting system',
  ),
  knowledge_capture: t('tribal knowledge|know-how|knowhow|retiring experts|experienced operators|senior technician|work instruction|work instructions|training new operators|skill gap', 'knowledge base|knowledge management|expert system|best practice library|lessons learned'),
  packaging_line: t('filling line|bottling line|packaging line|packing line|filler|capper|labeler|labeller|carton|case packer|palletizer|palletiser', 'packaging line monitoring|line control'),
  welding: t('welding|weld|welds|weld seam|weld defect|welding defect|spatter|porosity|welder', 'weld monitoring|welding process monitoring|weld quality'),
  pcb_smt: t('pcb assembly|circuit board|solder|soldering|solder joint|reflow|pick and place|stencil|component placement|feeder', 'smt line|solder paste inspection'),
  defect_inspection: t(
    'visual defect|cosmetic defect|surface defect|scratch|scratches|dent|dents|burr|burrs|crack|cracks|stain|missed defect|manual inspection|visual inspection|inspector|inspectors|escape|defect escape|customer reject',
    'machine vision|vision inspection|automated inspection|automatic inspection|defect detection|camera inspection|ai inspection|optical inspection|surface inspection',
  ),
  quality_records: t(
    'inspection record|inspection report|test report|quality record|quality records|first article|first article inspection|first piece|check sheet|paper checklist|certificate|certificates|customer audit|quality audit|audit finding|audit findings|nonconformance|non-conformance|nonconformity|deviation report|documentation|quality documentation|incoming inspection|outgoing inspection|receiving inspection|final inspection',
    'quality management|quality management system|inspection management|digital inspection|electronic checklist|quality documentation system',
  ),
  rework_scrap: t(
    'scrap|scrap rate|rework|reworking|rework rate|reject|rejects|reject rate|rejection rate|defect rate|defective|defectives|yield|first pass yield|first-pass yield|low yield|poor yield|returns|customer return|customer complaint|complaint|complaints|claim|warranty claim|chargeback|sorting|containment|waste|material waste',
    'yield improvement|scrap reduction|defect reduction',
  ),
  quality_analysis: t(
    'root cause|root cause analysis|recurring defect|recurring issue|repeat defect|quality issue|quality issues|quality problem|variation|process capability|out of tolerance|capability study|control chart|control charts|corrective action|preventive action|problem solving',
    'statistical process control|quality analytics|quality analysis|root cause analysis|failure analysis|corrective and preventive action|quality data analysis',
  ),
  traceability: t(
    'traceability|trace back|trace-back|recall|recalls|product recall|lot tracking|batch tracking|lot number|batch number|genealogy|chain of custody|where used|which batch|which lot|serial number tracking',
    'track and trace|track & trace|end-to-end traceability|full traceability|product genealogy|serialization|serialisation|lot traceability|batch traceability',
  ),
  identifier_code: t('label|labels|labeling|labelling|barcode|barcodes|bar code|qr code|qr codes|serial number|serial numbers|unique id|part marking|laser marking|tag|tags', 'identification|industrial identifier|digital product passport|product passport|unique identification'),
  blockchain_trust: t('tamper|tampering|counterfeit|counterfeiting|fake product|fakes|proof of origin|authenticity', 'blockchain|distributed ledger|tamper-proof|tamper proof|anti-counterfeiting|anti counterfeiting'),
  export_compliance: t(
    'export|exports|customs|overseas customer|overseas customers|foreign customer|export market|import requirement|regulation|regulations|compliance|compliant|customer requirement|customer requirements|due diligence|supplier audit|social audit|certification|certifications|inspection by customer|third party audit|third-party audit',
    'compliance management|regulatory compliance|compliance reporting',
  ),
  pharma_gmp: t(
    'batch record|batch records|paper batch record|deviation|deviations|data integrity|audit trail|audit trails|cleanroom|clean room|aseptic|sterile|batch release|qualified person|validation|computer system validation|change control|regulatory inspection|warning letter|pharmaceutical|pharma|api plant|drug|drugs|capsule|capsules',
    'electronic batch record|electronic batch records|gmp compliance|annex 11|part 11|21 cfr part 11|validated system|csv documentation',
  ),
  lab_testing: t(
    'lab|laboratory|lab test|lab testing|lab result|lab results|test result|test results|sample|samples|sampling|retest|assay|analysis report|coa|waiting for results|turnaround time|lab turnaround|instrument data|chromatography|spectrometer',
    'laboratory information management|laboratory information management system|lab management|sample management|online analyzer|online analyser|rapid testing|inline measurement|in-line measurement',
  ),
  dimension_measurement: t('dimension|dimensions|dimensional|tolerance|tolerances|out of tolerance|measurement|measurements|gauge|gauges|gage|caliper|calipers|flatness|thickness|diameter|measuring', 'inline measurement|in-line measurement|laser measurement|3d scanning|3d scan|automatic measurement|dimensional inspection|metrology'),

  // 能源、环保、安全
  energy_monitoring: t(
    'energy|energy cost|energy costs|energy bill|electricity|electricity bill|electricity cost|power bill|power consumption|power cost|utility bill|utility cost|utilities|gas bill|steam|steam consumption|compressed air|air compressor|compressor|water consumption|sub-metering|submetering|meter reading|energy usage|energy use|consumption',
    'energy monitoring|energy management|energy management system|energy dashboard|metering|smart metering|energy analytics|power monitoring',
  ),
  energy_saving: t('energy waste|leak|leaks|air leak|air leaks|steam leak|idle consumption|standby power|inefficient motor|high consumption|energy intensive|energy-intensive|furnace|boiler|kiln|chiller|chillers', 'energy saving|energy efficiency|energy optimization|energy optimisation|heat recovery|waste heat recovery|variable speed drive|load optimization'),
  carbon: t('carbon|carbon footprint|emissions|emission|scope 1|scope 2|scope 3|ghg|greenhouse gas|carbon report|carbon reporting|product carbon footprint|customer carbon request|net zero|decarbonization|decarbonisation', 'carbon accounting|carbon management|carbon footprint calculation|emission accounting|sustainability reporting'),
  power_tariff: t('peak tariff|peak price|peak hours|off-peak|off peak|time of use|time-of-use|demand charge|maximum demand|load shifting|power rationing', 'load shifting|demand response|energy scheduling|peak shaving|peak-shaving'),
  environmental: t('wastewater|waste water|effluent|exhaust gas|exhaust|odor|odour|dust|discharge|discharge limit|environmental inspection|environmental penalty|pollution|emission limit|emission permit|sewage|sludge|hazardous waste', 'environmental monitoring|emission monitoring|wastewater monitoring|pollution control'),
  hazard_monitoring: t('gas leak|toxic gas|flammable gas|explosion|explosive atmosphere|overpressure|hazardous chemical|hazardous chemicals|tank farm|storage tank|hot spot|fire risk', 'gas detection|leak detection|hazard monitoring|safety monitoring|process safety'),
  accident_risk: t('accident|accidents|incident|incidents|near miss|near-miss|injury|injuries|lost time injury|safety hazard|safety hazards|unsafe act|unsafe acts|unsafe condition|safety violation|safety inspection|safety audit finding', 'hazard identification|risk assessment|safety management|incident management|behavior based safety|behaviour based safety'),
  personnel_safety: t('worker location|lone worker|man down|restricted area|restricted zone|muster|contractor on site|contractors on site', 'people tracking|personnel tracking|worker tracking|geofence|geofencing|zone access control'),
  video_ai_safety: t('no helmet|hard hat|without helmet|smoking|intrusion|cctv|camera footage|security camera', 'video analytics|ai camera|intelligent video|video surveillance'),
  patrol_inspection: t('patrol|patrols|inspection route|walkdown|walk-down|rounds|operator rounds|missed inspection|paper checklist rounds', 'digital rounds|inspection app|route inspection|mobile inspection'),
  alerting: t('alarm|alarms|alert|alerts|no alert|late alarm|nobody noticed|notification', 'alarm management|alerting|real-time alert|real time alert|push notification'),
  cold_chain: t('cold chain|cold room|cold storage|freezer|freezers|refrigerated|temperature excursion|temperature log|reefer', 'cold chain monitoring|temperature monitoring|temperature logging'),

  // 仓储物流
  warehousing: t(
    'warehouse|warehouses|inventory|inventories|stock|stocks|stock count|stocktake|stock take|cycle count|inventory accuracy|inventory discrepancy|obsolete stock|slow moving|slow-moving|dead stock|excess inventory|stockout|stock-out|picking|picking error|wrong picking|put away|putaway|bin location|shelf|shelves|raw material stock|finished goods',
    'warehouse management|warehouse management system|inventory management|inventory control|inventory visibility|slotting',
  ),
  intralogistics: t('forklift|forklifts|material handling|material transport|internal logistics|line feeding|line-side|lineside|milk run|trolley|manual handling|conveyor', 'automated guided vehicle|autonomous mobile robot|mobile robot|mobile robots|automated material handling|agv dispatch|fleet management'),
  transport: t('freight|freight cost|shipping|shipping cost|shipment|shipments|delivery truck|trucks|truck|dispatch|dispatching|route|routes|delivery tracking|in transit|logistics cost|carrier|carriers|empty run|empty miles', 'transport management|route optimization|route optimisation|fleet tracking|shipment tracking|load planning|yard management'),
  location_tracking: t('lost material|cannot find|searching for parts|missing parts|wip location|where is|misplaced', 'real-time location|real time location|asset tracking|indoor positioning|location tracking'),
  port_operations: t('port|terminal|container|containers|quay|crane|cranes|berth|vessel|vessels|stevedore|yard crane', 'terminal operating|crane automation|port automation'),

  // 数字技术
  wireless_network: t('wifi dead zone|wi-fi|no signal|poor signal|weak signal|network coverage|cabling|wiring cost', 'private network|private 5g|wireless network|industrial wireless|5g network'),
  edge_computing: t('latency|network outage|offline|bandwidth', 'edge computing|edge analytics|edge device|edge server|on premise|on-premise|on-prem'),
  ai_tech: t('', 'artificial intelligence|machine learning|deep learning|neural network|computer vision|large model|generative ai|gen ai|algorithm|algorithms|predictive model|optimization algorithm'),
  big_data_tech: t('data analysis|analytics|big data|data lake|data warehouse', 'data platform|data analytics|big data platform|data mining|advanced analytics'),
  digital_twin: t('', 'digital twin|digital twins|virtual factory|3d model|3d visualization|3d visualisation|virtual replica'),
  visual_dashboard: t('reporting|report|reports|manual report|weekly report|monthly report|excel report|spreadsheet|spreadsheets|kpi|kpis|visibility|transparency|no visibility|management cockpit', 'dashboard|dashboards|kpi dashboard|visual management|cockpit|control tower|big screen|andon board|real-time dashboard|real time dashboard'),
  cae_simulation: t('prototype|prototypes|prototyping|physical test|physical testing|test rig|trial molding|trial moulding|strength|stiffness|fatigue|thermal analysis|flow analysis', 'simulation|finite element|structural analysis|computational fluid dynamics|virtual testing|virtual prototype|mold flow|moldflow|mould flow'),
  virtual_commissioning: t('commissioning|ramp up|ramp-up|line layout|layout|new line|line design|plant layout', 'virtual commissioning|plant simulation|layout simulation|discrete event simulation|line simulation'),
  xr_tech: t('', 'augmented reality|virtual reality|mixed reality|vr training|ar glasses|head mounted|hololens'),
  low_code: t('custom app|small app|simple app|it team|no it staff|no programmers', 'low code|low-code|no code|no-code|citizen developer|form builder|app builder'),
  sme_budget: t('small budget|limited budget|low budget|tight budget|cheap|affordable|low cost|low-cost|small company|small factory|sme|smes|cannot afford|too expensive|payback', 'subscription|saas|light weight|lightweight|out of the box|out-of-the-box|quick start|pay as you go'),
  paperless: t('paper|paperwork|paper forms|paper form|paper based|paper-based|handwritten|hand written|manual forms|binders|clipboard|clipboards|printouts|whiteboard', 'paperless|digital forms|e-forms|electronic forms|digitalization|digitalisation|tablet app|mobile app'),
  business_management: t('cost accounting|costing|profit|margin|margins|cash flow|budgeting|finance|accounting|management report|order to cash', 'enterprise resource planning|erp system|business management|financial management'),
  automation: t('manual labor|manual labour|labor cost|labour cost|labor shortage|labour shortage|headcount|hiring|turnover|staff turnover|repetitive work|manual work|manual operation|heavy lifting|operators|workers|worker shortage', 'automation|robot|robots|robotic|robotics|cobot|cobots|robot arm|automated line|automatic line|machine tending|palletizing robot'),
  hazardous_work: t('hot work|confined space|work at height|working at height|permit|permits|lockout|tagout|isolation', 'permit to work|permit-to-work|work permit|electronic permit'),
  special_equipment: t('boiler|pressure vessel|pressure vessels|lifting equipment|elevator|hoist|overhead crane|forklift inspection', 'special equipment management|inspection due date'),
  mold_management: t('mold|molds|mould|moulds|die|dies|tooling|mold maintenance|mould maintenance|shot count|cavity', 'mold management|mould management|tooling management|die management'),
  capacity_sharing: t('idle capacity|spare capacity|excess capacity|subcontract|subcontracting|find supplier|find suppliers|sourcing partner', 'capacity sharing|shared manufacturing|manufacturing marketplace|capacity marketplace'),
  quotation_order: t('quote|quotes|quotation|quotations|quoting|rfq|rfqs|price inquiry|order entry|order intake|pricing|cost estimate|cost estimation', 'quoting tool|quotation system|configure price quote|cpq|online ordering|order management'),
  prediction: t('forecast|forecasts|forecasting|forecast accuracy|demand forecast|prediction|predict|anticipate', 'demand forecasting|predictive analytics|forecasting model'),
  design_collaboration: t('drawing|drawings|drawing revision|drawing version|wrong revision|wrong version|version control|engineering change|bill of materials|bom error|design change|design changes|cad files|cad file', 'design collaboration|product data management|product lifecycle management|change management|engineering change management'),
  engineering_capacity: t('no engineers|lack of engineers|engineering resources|not enough engineers|design capacity|r&d capacity|outsourced design', 'engineering services|design services|engineering outsourcing'),
  rd_design: t('product development|new product|new products|new product introduction|time to market|design cycle|development cycle|r&d|rnd|research and development', 'product design|design platform|generative design|design automation'),

  // 供应链、协同、服务
  supply_collaboration: t(
    'supplier|suppliers|supplier delivery|supplier performance|vendor|vendors|purchase order|purchase orders|purchasing|procurement|material shortage|shortage|shortages|component shortage|raw material|raw materials|late parts|late material|supply disruption|supplier quality',
    'supplier portal|supplier collaboration|supplier management|supply chain collaboration|procurement platform|e-procurement|e-sourcing|vendor portal',
  ),
  outsourcing_collaboration: t('subcontractor|subcontractors|outsourcing|outsourced|outsourced process|outside processing|partner factory|partner factories|order status from partners|phone calls|wechat groups|emails back and forth', 'collaboration platform|order collaboration|supply chain visibility|partner portal'),
  channel_inventory: t('distributor|distributors|dealer|dealers|retailer|retailers|channel|channels|channel stock|sell-through|sell through|out of stock|replenishment|sales forecast', 'channel management|dealer management|distributor portal|demand sensing|replenishment planning'),
  supply_finance: t('financing|loan|loans|working capital|cash tied up|payment terms|receivable|receivables|accounts receivable|credit', 'supply chain finance|invoice financing|factoring'),
  customization: t('custom|customized|customised|customization|customisation|made to order|make to order|build to order|engineer to order|personalized|personalised|bespoke|one-off|one off|configurator|custom order|custom orders', 'mass customization|mass customisation|product configurator|online configurator|configure to order'),
  after_sales: t('after sales|after-sales|aftersales|field service|service call|service calls|service request|service requests|warranty|repair request|technician dispatch|customer service|service response|response time', 'field service management|service management|service ticket|ticketing|customer portal|service app'),
  spare_parts: t('spare part|spare parts|spares|wrong part|wrong parts|parts availability', 'spare parts management|parts catalog|parts catalogue'),
  marketing_customer: t('customer acquisition|new customers|lost customers|leads|sales team|marketing|online sales|e-commerce|ecommerce|cross border|cross-border', 'crm|customer relationship|digital marketing|customer insight'),

  // 系统与转型
  system_integration: t('data silos|silos|disconnected systems|double entry|re-entering data|re-keying|rekeying|systems do not talk|interfaces|integration|integrations|data mismatch|copy paste', 'system integration|integration platform|data integration|api integration|middleware|single source of truth|master data'),
  transformation_consulting: t('where to start|roadmap|digital strategy|maturity|assessment|gap analysis|no idea where to start', 'digital transformation|transformation roadmap|maturity assessment|consulting|smart factory assessment'),
};

