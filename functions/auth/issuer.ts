import { issuer } from '@openauthjs/openauth';
import { CodeProvider } from '@openauthjs/openauth/provider/code';
import type { Provider } from '@openauthjs/openauth/provider/provider';
import { signingKeys } from '@openauthjs/openauth/keys';
import { DynamoStorage } from '@openauthjs/openauth/storage/dynamo';
import type { StorageAdapter } from '@openauthjs/openauth/storage/storage';
import { createSubjects } from '@openauthjs/openauth/subject';
import { Hono } from 'hono';
import { z } from 'zod';
import { maskContact, parseContact } from '#core/accounts/contact';
import { REFUSAL_TEXT } from '#core/accounts/login-code';
import { Role } from '#core/principal';
import { DevMailbox, devMailboxAllowed } from '#notify/dev-mailbox';
import type { Deps } from '#runtime/deps';
import type { Settings } from '#settings/settings';
import { CodeNotSent, codeRequestAllowedFrom, completeSignIn, expertProperties, issueCode, propertiesFor, wrongCode } from '#services/sign-in';
import { clientAddress } from '../api/client-address';
import { personOf, userTokenVerifier } from '../api/middleware/user-token';
import { originOfRequest } from '../api/origin';
import { codePage, contactPage, mailboxPage, refusedPage, switchPage } from './pages';

export const AUTH_PREFIX = '/auth';
const REFRESH_TTL_SEC = 30 * 86_400;

/** What a person's access token carries under `properties`: the API.md `role` and `org` (and, as an expert, the person). */
export const subjects = createSubjects({
  user: z.object({ role: Role.optional(), org: z.string().optional(), user: z.string().optional() }),
});

/**
 * OpenAuth's own state (keys, authorization codes, refresh tokens): the table sst.aws.Auth gives
 * it on AWS (OPENAUTH_STORAGE, which OpenAuth also reads itself), the service's table otherwise.
 */
export function openauthStorage(settings: Settings, tableName: string): StorageAdapter {
  const fromSst = settings.OPENAUTH_STORAGE ? (JSON.parse(settings.OPENAUTH_STORAGE) as { type?: string; options?: { table: string } }) : undefined;
  if (fromSst?.type === 'dynamo' && fromSst.options) return DynamoStorage(fromSst.options);
  return DynamoStorage({ table: tableName, endpoint: settings.DYNAMODB_ENDPOINT, pk: 'pk', sk: 'sk', ttl: 'expiresAt' });
}

/**
 * Acting for another organisation or platform, or as the expert registered with one's contact,
 * without a new code: the caller proves who they are with a still-valid access token from this
 * issuer, and the membership (or the expert's contact) is checked now.
 */
function switchProvider(deps: Deps, verify: ReturnType<typeof userTokenVerifier>): Provider<SwitchTarget> {
  return {
    type: 'switch',
    init(routes, ctx) {
      routes.get('/authorize', () => switchPage());
      routes.post('/authorize', async (c) => {
        const form = await c.req.formData();
        const token = form.get('token')?.toString() ?? '';
        const org = form.get('org')?.toString() ?? '';
        const expert = form.get('expert')?.toString() ?? '';
        let userId: string;
        try {
          userId = personOf(await verify(token));
        } catch {
          return c.text('令牌无效 / Invalid token', 401);
        }
        const target: SwitchTarget = expert ? { userId, expert } : { userId, org };
        if (!(await switchProperties(deps, target)))
          return c.text(expert ? '您未登记为该专家 / You are not registered as that expert' : '您不是该组织成员 / You are not a member of that organisation', 403);
        return ctx.forward(c, await ctx.success(c, target));
      });
    },
  };
}

/** Whom the switch is to: an organisation or platform (`org`), or an expert record (`expert`). */
type SwitchTarget = { userId: string; org?: string; expert?: string };

const switchProperties = (deps: Deps, t: SwitchTarget) => (t.expert ? expertProperties(deps, t.userId, t.expert) : propertiesFor(deps, t.userId, t.org ?? ''));

/**
 * The OpenAuth issuer as a Hono app under /auth: one-time codes by e-mail or SMS (CodeProvider),
 * switching organisation (a token-authenticated provider), ES256 access tokens with JWKS at
 * /auth/.well-known/jwks.json, refresh tokens. Storage is DynamoDB (OPENAUTH_STORAGE from
 * sst.aws.Auth on AWS; the service's table on DynamoDB Local otherwise).
 */
export function createAuthApp(deps: Deps): Hono {
  const outer = new Hono();
  const selfJwks = async () => (await outer.request(`${AUTH_PREFIX}/.well-known/jwks.json`)).json() as Promise<{ keys: Record<string, unknown>[] }>;
  const verify = userTokenVerifier(selfJwks);

  const storage = openauthStorage(deps.settings, deps.resources.tableName);
  const openauth = issuer({
    subjects,
    storage,
    ttl: { access: deps.settings.ACCESS_TOKEN_TTL_SEC, refresh: REFRESH_TTL_SEC },
    providers: {
      code: CodeProvider({
        // The code is checked by OpenAuth against its encrypted state; the record in our table
        // (nonce) holds expiry, single use and the lock, which a replayed state cannot undo.
        sendCode: async (claims, code) => {
          const contact = parseContact(claims.contact ?? '');
          if (!contact) return { type: 'invalid_claim', key: 'contact', value: claims.contact ?? '' };
          let nonce: string | null;
          try {
            nonce = await issueCode(deps, contact, code);
          } catch (err) {
            if (err instanceof CodeNotSent) return { type: 'invalid_claim', key: NOT_SENT, value: claims.contact ?? '' };
            throw err;
          }
          if (!nonce) return { type: 'invalid_claim', key: TOO_MANY, value: claims.contact ?? '' };
          claims.contact = contact.value;
          claims.nonce = nonce;
        },
        request: async (req, state, _form, error) => {
          if (state.type === 'start') {
            if (error?.type !== 'invalid_claim') return contactPage(undefined, '');
            if (error.key === TOO_MANY) return contactPage(REFUSAL_TEXT.too_many, error.value, 429);
            // The provider refused or timed out: say so, and let the person try again (nothing was counted).
            if (error.key === NOT_SENT) return contactPage(NOT_SENT_TEXT, error.value, 503);
            return contactPage(REFUSAL_TEXT_CONTACT, error.value);
          }
          const contact = state.claims.contact ?? '';
          if (error?.type === 'invalid_code') {
            const locked = await wrongCode(deps, contact, state.claims.nonce ?? '', originOfRequest(req));
            return codePage(maskContact(contact), contact, { error: locked ? REFUSAL_TEXT.locked : REFUSAL_TEXT.invalid, locked });
          }
          return codePage(maskContact(contact), contact, { resent: state.resend });
        },
      }),
      switch: switchProvider(deps, verify),
    },
    success: async (ctx, value, req) => {
      if (value.provider === 'switch') {
        const properties = await switchProperties(deps, value);
        // API.md: an expert's `sub` is the expert id; the person stays in `properties.user`.
        return ctx.subject('user', properties ?? {}, { subject: properties?.role === 'expert' && value.expert ? value.expert : value.userId });
      }
      const result = await completeSignIn(deps, value.claims.contact ?? '', value.claims.nonce ?? '', originOfRequest(req), value.claims.noticeVersion);
      if (!result.ok) return refusedPage(REFUSAL_TEXT[result.refusal], `${AUTH_PREFIX}/code/authorize`);
      return ctx.subject('user', result.properties, { subject: result.user.id });
    },
  });

  // OpenAuth redirects to absolute paths ("/code/authorize") as if it served the whole origin;
  // mounted under /auth, those must keep the prefix.
  outer.use(`${AUTH_PREFIX}/*`, async (c, next) => {
    await next();
    const location = c.res.headers.get('location');
    // Set in place: assigning c.res would copy the old headers back over the new ones.
    if (location?.startsWith('/') && !location.startsWith('//') && !location.startsWith(`${AUTH_PREFIX}/`)) c.res.headers.set('location', `${AUTH_PREFIX}${location}`);
  });
  // OpenAuth's own metadata names root paths; these are where the endpoints really are. `issuer`
  // stays the origin, which is what OpenAuth writes into the tokens' `iss`.
  outer.get(`${AUTH_PREFIX}/.well-known/oauth-authorization-server`, (c) => {
    const origin = new URL(c.req.url);
    const host = c.req.header('x-forwarded-host') ?? origin.host;
    const iss = `${c.req.header('x-forwarded-proto') ?? origin.protocol.replace(':', '')}://${host}`;
    return c.json({
      issuer: iss,
      authorization_endpoint: `${iss}${AUTH_PREFIX}/authorize`,
      token_endpoint: `${iss}${AUTH_PREFIX}/token`,
      jwks_uri: `${iss}${AUTH_PREFIX}/.well-known/jwks.json`,
      response_types_supported: ['code', 'token'],
    });
  });
  // OpenAuth caches its keys per process; read them afresh here so that after a rotation every
  // issuer process publishes the new key before any process signs with it.
  outer.get(`${AUTH_PREFIX}/.well-known/jwks.json`, async (c) => {
    const keys = (await signingKeys(storage)).map((k) => ({ ...k.jwk, alg: k.alg, ...(k.expired ? { exp: Math.floor(k.expired.getTime() / 1000) } : {}) }));
    c.header('cache-control', 'public, max-age=60');
    return c.json({ keys });
  });
  // Before OpenAuth sees a code request: one address's hourly budget over all contacts (the
  // per-contact limits live in sendCode). The form is parsed once; OpenAuth reads the cached body.
  outer.post(`${AUTH_PREFIX}/code/authorize`, async (c, next) => {
    const form = await c.req.formData();
    const action = form.get('action')?.toString();
    if ((action === 'request' || action === 'resend') && !(await codeRequestAllowedFrom(deps, clientAddress(c))))
      return contactPage(REFUSAL_TEXT.too_many_here, form.get('contact')?.toString() ?? '', 429);
    await next();
  });
  if (devMailboxAllowed(deps.settings.STAGE) && deps.messenger instanceof DevMailbox) {
    const mailbox = deps.messenger;
    outer.get(`${AUTH_PREFIX}/dev/mailbox`, (c) => mailboxPage(mailbox.list(c.req.query('to'))));
    outer.get(`${AUTH_PREFIX}/dev/mailbox.json`, (c) => c.json({ items: mailbox.list(c.req.query('to')) }));
  }
  outer.route(AUTH_PREFIX, openauth);
  return outer;
}

/** The claim "key" of a refused send: OpenAuth passes only key and value back to the page. */
const TOO_MANY = 'too_many';
const NOT_SENT = 'not_sent';
const NOT_SENT_TEXT = '验证码未能发送，请稍后重试 / The code could not be sent; please try again in a moment';
const REFUSAL_TEXT_CONTACT = '请填写有效的邮箱或手机号 / Enter a valid e-mail address or mainland mobile number';
