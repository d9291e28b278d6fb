/**
 * The console's browser entry points: each name is a module `client/pages/<name>.ts`, built to a
 * hashed `/assets/<name>-<hash>.js` and loaded by the page that passes it to <Layout script>.
 */
export const PAGE_SCRIPTS = [
  'home',
  'sign-in',
  'directory',
  'scenarios',
  'scenario-detail',
  'leads',
  'profile',
  'indicators',
  'overview',
  'register',
  'portrait',
  'roadshows',
  'signed-in',
  'account',
  'reviews',
  'notices',
  'rounds',
  'round',
  'my-data',
  // roadshow events (issue 20)
  'roadshow-event',
  'my-roadshows',
  'public-roadshow',
  'roadshow-print',
  'district',
  'district-leads',
  'catalogue',
  'district-comparison',
  // issue 25
  'recommendation',
  'tracking',
  'support',
  'platform-support',
  'institution',
] as const;
export type PageScript = (typeof PAGE_SCRIPTS)[number];
