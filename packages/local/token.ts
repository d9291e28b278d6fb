import { parseArgs } from 'node:util';
import { sign } from 'hono/jwt';
import { Role, TENANT_ROLES } from '#core/principal';
import { loadSettings } from '#settings/settings';

/** Signs a local token: `npm run token -- --role platform --org plt_demo [--sub alice] [--hours 12]`. */
export async function signToken(secret: string, claims: { role: Role; org?: string; sub?: string; hours?: number; district?: string }): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return sign(
    {
      sub: claims.sub ?? `${claims.role}-user`,
      role: claims.role,
      ...(claims.org ? { org: claims.org } : {}),
      ...(claims.district ? { district: claims.district } : {}),
      iat: now,
      exp: now + Math.round((claims.hours ?? 12) * 3600),
    },
    secret,
    'HS256',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, org: { type: 'string' }, district: { type: 'string' }, sub: { type: 'string' }, hours: { type: 'string' } },
  });
  const role = Role.safeParse(values.role);
  if (!role.success) {
    console.error('usage: npm run token -- --role bureau|manufacturer|platform|expert|district [--org ID] [--district 黄岛区] [--sub USER] [--hours N]');
    process.exit(2);
  }
  // An expert is named by `sub`; `--org <expertId>` is accepted as a shorthand for `--sub <expertId>`.
  if (role.data === 'expert') {
    const sub = values.sub ?? values.org;
    if (!sub) {
      console.error('--sub (or --org) <expertId> is required for role expert');
      process.exit(2);
    }
    console.log(await signToken(loadSettings().AUTH_SECRET, { role: 'expert', sub, hours: values.hours ? Number(values.hours) : undefined }));
    process.exit(0);
  }
  if (role.data === 'district' && !values.district) {
    console.error('--district <区市, e.g. 黄岛区> is required for role district');
    process.exit(2);
  }
  if (TENANT_ROLES.includes(role.data) && !values.org) {
    console.error(`--org is required for role ${role.data} (enterprise id for a manufacturer, platform id for a platform)`);
    process.exit(2);
  }
  console.log(await signToken(loadSettings().AUTH_SECRET, { role: role.data, org: values.org, district: values.district, sub: values.sub, hours: values.hours ? Number(values.hours) : undefined }));
}
