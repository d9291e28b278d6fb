import { LOG_RETENTION, type Profile } from './profile';
import { hostOf } from './outputs';

/**
 * The China profile's front door. Lambda function URLs do not exist in the China regions, and
 * whether CloudFront Functions do is not documented there (infra/china-availability.ts), so
 * instead of sst.aws.Router: an API Gateway HTTP API routes /v1, /auth and everything else to the
 * three functions, and a plain CloudFront distribution serves it on the ICP-filed domain with the
 * certificate uploaded to IAM. Nothing is cached: every response of the service is per-person or
 * already carries its own cache headers behind the console's hashed asset names.
 */
export function chinaEdge(profile: Profile, fns: { api: any; console: any; auth: any }) {
  const c = profile.china!;
  const gateway = new sst.aws.ApiGatewayV2('Gateway', { accessLog: { retention: LOG_RETENTION } });
  const routes: [string, any][] = [
    ['ANY /v1', fns.api],
    ['ANY /v1/{proxy+}', fns.api],
    ['ANY /auth', fns.auth],
    ['ANY /auth/{proxy+}', fns.auth],
    ['$default', fns.console],
  ];
  for (const [route, fn] of routes) gateway.route(route, fn.arn);

  const distribution = new aws.cloudfront.Distribution('WebCn', {
    enabled: true,
    comment: `gongfu-qingdao ${$app.stage}`,
    aliases: [c.domain],
    viewerCertificate: { iamCertificateId: c.iamCertificateId, sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2021' },
    origins: [
      {
        originId: 'gateway',
        domainName: hostOf(gateway.url),
        customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: 'https-only', originSslProtocols: ['TLSv1.2'] },
        // What sst.aws.Router's function sets globally: the pages and the issuer build absolute URLs from it.
        customHeaders: [{ name: 'x-forwarded-host', value: c.domain }],
      },
    ],
    defaultCacheBehavior: {
      targetOriginId: 'gateway',
      viewerProtocolPolicy: 'redirect-to-https',
      allowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'],
      cachedMethods: ['GET', 'HEAD'],
      compress: true,
      // Legacy forwarding settings rather than managed cache policies, which the China guide does not list.
      forwardedValues: { queryString: true, cookies: { forward: 'all' }, headers: ['Authorization', 'Accept', 'Accept-Language', 'Content-Type', 'If-Match', 'Origin', 'Referer', 'User-Agent', 'X-Api-Key'] },
      minTtl: 0,
      defaultTtl: 0,
      maxTtl: 0,
    },
    restrictions: { geoRestriction: { restrictionType: 'none' } },
  });
  return { url: `https://${c.domain}`, gateway, distribution };
}

/**
 * The sign-in server without sst.aws.Auth (which gives the issuer a function URL): the same
 * function and an OpenAuth storage table of the same shape, handed over as OPENAUTH_STORAGE.
 */
export function chinaIssuer(issuer: any) {
  const storage = new sst.aws.Dynamo('AuthStorage', {
    fields: { pk: 'string', sk: 'string' },
    primaryIndex: { hashKey: 'pk', rangeKey: 'sk' },
    ttl: 'expiry',
    transform: { table: { pointInTimeRecovery: { enabled: true } } },
  });
  return new sst.aws.Function('AuthIssuer', {
    ...issuer,
    link: [...issuer.link, storage],
    environment: { ...issuer.environment, OPENAUTH_STORAGE: $jsonStringify({ type: 'dynamo', options: { table: storage.name } }) },
  });
}
