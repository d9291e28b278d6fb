/**
 * AWS WAF in front of the Router (SST 4's `Router` `waf` option creates the web ACL in us-east-1 and
 * attaches it to the CloudFront distribution). SST's default rule list is replaced by this one, so
 * what is deployed is exactly what is written and priced here (packages/cost/prices.ts).
 * Pure data: the infra contract test imports it without SST's globals.
 */

/**
 * The routes anyone on the internet can write to, or make the service do work for, without an
 * account: objections to a 公示 notice, roadshow registrations, proposals, the directory search,
 * personal-data requests and sign-in code requests. The service throttles each of them itself (per contact, per address, per
 * month); this rule is the outer guard that stops a flood at CloudFront before it costs a Lambda
 * invocation or a DynamoDB write.
 */
export const PUBLIC_WRITE_PATHS = [
  '/v1/public/notices/*/objections',
  '/v1/public/roadshows/*/registrations',
  '/v1/scenarios/*/proposals',
  '/v1/public/directory/search',
  '/v1/public/data-requests',
  '/auth/code*',
] as const;

const escapeRegex = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/**
 * One path pattern as a regex fragment: `*` inside is one path segment; a trailing `*` is any tail,
 * which the prefix match below gives already.
 */
export const pathPatternToRegex = (pattern: string) =>
  (pattern.endsWith('*') ? pattern.slice(0, -1) : pattern).split('*').map(escapeRegex).join('[^/]+');

/**
 * The paths above as one WAF regex over the normalized URI path (one statement, 3 WCU). Each
 * alternative anchored on its own: WAF's regex engine does not take capturing groups.
 */
export const PUBLIC_WRITE_PATH_REGEX = PUBLIC_WRITE_PATHS.map((p) => `^${pathPatternToRegex(p)}`).join('|');

/**
 * Requests per client address per five minutes on those routes. People fill these forms in by
 * hand; a whole enterprise behind one NAT address stays far below it, a script does not.
 */
export const PUBLIC_WRITES_PER_ADDRESS = 100;
export const RATE_WINDOW_SEC = 300;

const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });

/** The web ACL's rules, in priority order. */
export function routerWafRules() {
  return [
    {
      name: 'PublicWritesPerAddress',
      priority: 0,
      // 429 like the service's own throttles, so the pages show "too many requests", not "forbidden".
      action: { block: { customResponse: { responseCode: 429 } } },
      statement: {
        rateBasedStatement: {
          limit: PUBLIC_WRITES_PER_ADDRESS,
          evaluationWindowSec: RATE_WINDOW_SEC,
          aggregateKeyType: 'IP',
          scopeDownStatement: {
            regexMatchStatement: {
              regexString: PUBLIC_WRITE_PATH_REGEX,
              fieldToMatch: { uriPath: {} },
              // `/v1//public/%2e/…` must count as the route it reaches.
              textTransformations: [
                { priority: 0, type: 'URL_DECODE' },
                { priority: 1, type: 'NORMALIZE_PATH' },
              ],
            },
          },
        },
      },
      visibilityConfig: visibility('PublicWritesPerAddress'),
    },
    {
      name: 'AWSManagedRulesCommonRuleSet',
      priority: 1,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name: 'AWSManagedRulesCommonRuleSet',
          // Its 8 KB body limit would block long scenario descriptions and agenda imports; the API
          // limits bodies itself (bodyLimit), so this rule only counts.
          ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
        },
      },
      visibilityConfig: visibility('AWSManagedRulesCommonRuleSet'),
    },
  ];
}

/**
 * The Router's `waf` and `transform.waf` arguments: SST creates the web ACL (scope CLOUDFRONT,
 * default allow, us-east-1) and this transform replaces its rule list with the one above.
 */
export const routerWaf = {
  waf: true,
  transform: {
    waf: (args: { rules?: unknown }) => {
      args.rules = routerWafRules();
    },
  },
} as const;
