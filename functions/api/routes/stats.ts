import { RoadshowReport } from '#core/schemas/roadshow-event';
import { DistrictRow } from '#core/schemas/district';
import { districtComparison } from '#services/districts';
import { districtWorkbook } from '#services/round-workbooks';
import { createRoute, z } from '@hono/zod-openapi';
import { Label, Page } from '#core/schemas/common';
import { Category } from '#core/taxonomy';
import { FunnelRow, FunnelView } from '#core/funnel';
import { LeadStatus } from '#core/schemas/lead';
import { SelectionYear } from '#core/schemas/selection';
import * as svc from '#services/stats';
import type { Api } from '../app';
import { requireRole } from '../middleware/auth';
import { ERRORS, IdParam, XLSX, bearer, binary, json, sendFile } from '../openapi';

const Count = z.number().int().nonnegative();
const Core = {
  apps: z.number().nonnegative().describe('工业 APP（自有 APP + 订阅量） / APPs (own apps + subscriptions)'),
  devices: z.number().nonnegative().describe('连接工业设备 / Connected devices'),
  servedEnterprises: z.number().nonnegative().describe('服务企业 / Enterprises served'),
};

export const Overview = z
  .object({
    platforms: z.object({
      total: Count,
      byCategory: z.array(
        z.object({
          category: Category,
          total: Count,
          byLevel: z.array(Count).length(4).describe('按等级 0–3 计数 / counts at level 0, 1, 2, 3'),
        }),
      ),
    }),
    coreElements: z
      .object({
        ...Core,
        solutions: Count.describe('解决方案 / Solution records'),
        platformsReporting: Count.describe('有申报数据的平台 / Platforms with an indicator report'),
      })
      .describe('各平台最新一期申报的合计 / Totals over each platform’s latest report'),
    leads: z.object({
      total: Count,
      byStatus: z.object(Object.fromEntries(LeadStatus.options.map((st) => [st, Count])) as Record<LeadStatus, typeof Count>),
      acceptanceRate: z.number().min(0).max(1).nullable().describe('ever accepted / (ever accepted + declined); null before any decision'),
    }),
    funnel: FunnelView.extend({
      byCategory: z.array(FunnelRow).describe('按平台类型 / by platform category'),
      byIndustry: z.array(FunnelRow).describe('按需求行业 / by the scenario\'s industry'),
      byDistrict: z.array(FunnelRow).describe('按需求企业所在区市 / by the scenario\'s district'),
      bySource: z.array(FunnelRow).describe('按线索来源：matched 匹配推送 · proposal 揭榜 · roadshow 路演 / by lead source'),
    }).describe('供需对接成效 / matchmaking funnel'),
    scenarios: z.object({
      total: Count,
      byStatus: z.object({ draft: Count, published: Count, matching: Count, matched: Count, closed: Count, withdrawn: Count }),
    }),
    trend: z.array(z.object({ year: z.number().int(), platformsReporting: Count, ...Core })).describe('按申报年度 / per reported year'),
    roadshows: z.array(RoadshowReport.extend({ title: z.string(), startsAt: z.string().optional() })).describe('路演活动成效，每场一行 / per roadshow event: invited, replied, attended, leads, accepted, signed, contract value, median rating'),
    scope: z
      .object({
        district: z.string().nullable().describe('null: the whole city (bureau); otherwise the district these figures are for'),
        shareOfCity: z.object({ platforms: z.number().nullable(), scenarios: z.number().nullable(), leads: z.number().nullable() }).nullable(),
      })
      .describe('区市视图：本区市数字及占全市比例 / a district sees its region and its share of the city'),
    selections: z.array(SelectionYear).describe('推荐与省级/国家级入选，按年度（新到旧） / recommended vs selected upstream, per year, newest first'),
    generatedAt: z.string(),
  })
  .openapi('StatsOverview');

const LeadEvidence = z.object({ accepted: Count, declined: Count, pending: Count, signed: Count, delivered: Count });

export const RegisterRow = z
  .object({
    id: z.string(),
    name: z.string(),
    category: Category,
    subtype: z.string().optional(),
    region: z.string(),
    level: z.number().int().min(0).max(3),
    reportedYear: z.number().int().nullable(),
    ...Core,
    leads: LeadEvidence,
  })
  .openapi('MonitoredPlatform');

const PortraitIndicator = z.object({
  indicator: z.string(),
  label: Label,
  value: z.union([z.number(), z.boolean()]),
  normalised: z.number().min(0).max(1),
  weight: z.number().min(0).max(1),
});

export const Portrait = z
  .object({
    platformId: z.string(),
    name: z.string(),
    category: Category,
    year: z.number().int(),
    dimensions: z.array(
      z.object({
        key: z.enum(['resources', 'technology', 'enablement', 'contribution', 'sustainability', 'matchmaking']),
        label: Label,
        score: z.number().min(0).max(100).nullable(),
        weight: z.number(),
        weighting: z.enum(['entropy', 'equal']),
        indicators: z.array(PortraitIndicator),
      }),
    ),
    developmentIndex: z.number().min(0).max(100).nullable().describe('平台发展指数 / Platform development index'),
    method: Label,
    peers: Count.describe('参与比较的同类平台数（含本平台） / Same-category platforms compared, this one included'),
    warnings: z
      .array(z.object({ year: z.number().int(), indicator: z.string(), code: z.string(), message: Label }))
      .describe('申报数据合理性提示 / Data-quality warnings on the report history'),
  })
  .openapi('PlatformPortrait');

export const Bottlenecks = z
  .object({
    assessed: Count,
    categories: z.array(
      z.object({
        category: z.string(),
        assessed: Count,
        heldBack: Count,
        items: z.array(z.object({ indicator: z.string(), label: Label, count: Count, share: z.number().min(0).max(1) })),
      }),
    ),
  })
  .openapi('Bottlenecks');


export function statsRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/stats/districts', tags: ['stats'], security: bearer,
      summary: '区市对比（?format=xlsx 为 Excel） / The ten districts side by side (?format=xlsx)',
      request: { query: z.object({ format: z.enum(['json', 'xlsx']).optional() }) },
      responses: { 200: { description: 'one row per district', content: { 'application/json': { schema: z.object({ items: z.array(DistrictRow) }) }, [XLSX]: binary } }, ...ERRORS },
    }),
    async (c) => {
      const rows = await districtComparison(c.var.deps, requireRole(c, 'bureau'));
      if (c.req.valid('query').format !== 'xlsx') return c.json({ items: rows }, 200);
      return sendFile(c, await districtWorkbook(rows, c.var.deps.now().toISOString()), 'districts.xlsx');
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/stats/overview', tags: ['stats'], security: bearer,
      summary: '监测总览（市工信局） / Monitoring overview (bureau)',
      responses: { 200: json(Overview), ...ERRORS },
    }),
    async (c) => c.json(await svc.overview(c.var.deps, requireRole(c, 'bureau', 'district')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/stats/platforms', tags: ['stats'], security: bearer,
      summary: '平台监测台账（含未定级） / Every registered platform with its key figures (bureau; a district: its region’s)',
      responses: { 200: json(Page(RegisterRow)), ...ERRORS },
    }),
    async (c) => c.json({ items: await svc.register(c.var.deps, requireRole(c, 'bureau', 'district')), cursor: null }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/stats/bottlenecks', tags: ['stats'], security: bearer,
      summary: '升级瓶颈指标（市工信局） / Indicators holding platforms back (bureau)',
      responses: { 200: json(Bottlenecks), ...ERRORS },
    }),
    async (c) => c.json(await svc.bottleneckView(c.var.deps, requireRole(c, 'bureau')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/platforms/{id}/portrait', tags: ['stats'], security: bearer,
      summary: '平台数字画像 / Platform digital portrait (bureau, the platform itself, or its district)',
      description: 'Dimension scores 0–100 against same-category platforms, the development index, and data-quality warnings.',
      request: { params: IdParam('id') },
      responses: { 200: json(Portrait), ...ERRORS },
    }),
    async (c) =>
      c.json(await svc.portrait(c.var.deps, requireRole(c, 'bureau', 'platform', 'district'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/platforms/{id}/funnel', tags: ['stats'], security: bearer,
      summary: '平台自身的对接成效 / The platform\'s own matchmaking funnel (bureau or the platform itself)',
      request: { params: IdParam('id') },
      responses: { 200: json(FunnelView.extend({ bySource: z.array(FunnelRow).describe('按来源：匹配推送 matched / 揭榜 proposal / 路演 roadshow') })), ...ERRORS },
    }),
    async (c) => c.json(await svc.platformFunnel(c.var.deps, requireRole(c, 'bureau', 'platform'), c.req.valid('param').id), 200),
  );
}
