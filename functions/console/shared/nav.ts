// What the server's layout and the browser's session code both need to know about navigation.
import type { Role } from '#core/principal';
import type { Label } from '#core/schemas/common';

export interface NavGroup {
  group: Label;
  /** Shown to signed-in users of this role; groups without a role are public. */
  role?: Role;
  links: ({ href: string } & Label)[];
}

export const NAV: readonly NavGroup[] = [
  {
    group: { zh: '制造企业', en: 'Manufacturer' },
    role: 'manufacturer',
    links: [
      { href: '/m/scenarios', zh: '我的场景', en: 'Scenarios' },
      { href: '/my/roadshows', zh: '我的路演', en: 'My roadshows' }, // issue 20
    ],
  },
  {
    group: { zh: '平台', en: 'Platform' },
    role: 'platform',
    links: [
      { href: '/p/leads', zh: '线索', en: 'Leads' },
      { href: '/p/profile', zh: '平台信息', en: 'Profile' },
      { href: '/p/indicators', zh: '指标申报', en: 'Indicators' },
      { href: '/p/round', zh: '培优申报', en: 'Yearly round' },
      { href: '/p/tracking', zh: '动态评价', en: 'Tracking' },
      { href: '/p/support', zh: '奖补', en: 'Support' },
      { href: '/my/roadshows', zh: '我的路演', en: 'My roadshows' }, // issue 20
    ],
  },
  {
    group: { zh: '市工信局', en: 'Bureau' },
    role: 'bureau',
    links: [
      { href: '/b/overview', zh: '监测总览', en: 'Overview' },
      { href: '/b/directory', zh: '平台台账', en: 'Platforms' },
      { href: '/b/roadshows', zh: '场景路演', en: 'Roadshows' },
      { href: '/b/rounds', zh: '培优入库', en: 'Yearly round' },
      { href: '/b/districts', zh: '区市对比', en: 'Districts' },
      { href: '/b/recommendation', zh: '推荐与答辩', en: 'Recommendation' },
      { href: '/b/tracking', zh: '动态评价', en: 'Tracking' },
      { href: '/b/support', zh: '奖补', en: 'Support' },
    ],
  },
  { group: { zh: '评审专家', en: 'Expert' }, role: 'expert', links: [{ href: '/e/reviews', zh: '评审任务', en: 'Reviews' }] },
  { group: { zh: '诊断机构', en: 'Institution' }, role: 'institution', links: [{ href: '/i/diagnoses', zh: '诊断任务', en: 'Diagnoses' }] },
  {
    group: { zh: '区（市）', en: 'District' },
    role: 'district',
    links: [
      { href: '/d/applications', zh: '初审与概况', en: 'First review' },
      { href: '/d/platforms', zh: '本区平台', en: 'Platforms' },
      { href: '/d/scenarios', zh: '本区场景', en: 'Scenarios' },
      { href: '/d/leads', zh: '本区线索', en: 'Leads' },
      { href: '/d/roadshows', zh: '区级活动', en: 'Events' },
    ],
  },
  {
    group: { zh: '公开', en: 'Public' },
    links: [
      { href: '/directory', zh: '培优名录', en: 'Directory' },
      { href: '/scenarios', zh: '场景清单', en: 'Scenarios' }, // issue 21
      { href: '/notices', zh: '公示', en: 'Public notice' },
      { href: '/my-data', zh: '我的数据', en: 'My data' },
    ],
  },
];

/** Where a role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = { bureau: '/b/overview', manufacturer: '/m/scenarios', platform: '/p/leads', expert: '/e/reviews', district: '/d/applications', institution: '/i/diagnoses' };
