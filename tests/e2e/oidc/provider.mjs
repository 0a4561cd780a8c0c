// A real OpenID provider on loopback for the end-to-end tests: panva's
// oidc-provider (OpenID Certified), configured the way Entra ID treats a
// single-page app — a public client with PKCE, JWT access tokens for one API
// with its `user_impersonation` scope, refresh tokens that rotate on every
// use (a reused one is refused), and RP-initiated logout. Its development
// login form accepts any login and password; the login becomes the user's
// `sub` and `preferred_username`, which the API maps to a staff user.
//
// Environment:
//   OP_PORT         port to listen on (0: any free one)
//   OP_APPS         comma-separated app URLs (origin plus base path, no final
//                   slash); each gets <app>/auth/callback and <app>/sign-in
//   OP_API          the API's audience and resource, e.g. api://customer-api
//   OP_AT_TTL       access token lifetime in seconds (default 600)
//   OP_MFA          "0": tokens say the user signed in with a password only
// The first line printed is "listening on http://127.0.0.1:PORT", the issuer.
import http from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.env.OP_PORT ?? 0);
const apps = (process.env.OP_APPS ?? '').split(',').map((app) => app.trim()).filter(Boolean);
const api = process.env.OP_API ?? 'api://customer-api';
const accessTokenTTL = Number(process.env.OP_AT_TTL ?? 600);
const mfa = process.env.OP_MFA !== '0';
const apiScope = `${api}/user_impersonation`;
const clientScopes = 'openid profile email offline_access';

const server = http.createServer();
await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

// A new key every start: a restarted provider signs with a key id the API has not seen.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig', kid: `key-${Date.now()}` };

const provider = new Provider(issuer, {
  jwks: { keys: [signingKey] },
  clients: [{
    client_id: 'customer-wizard',
    token_endpoint_auth_method: 'none',
    application_type: 'web',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: apps.map((app) => `${app}/auth/callback`),
    post_logout_redirect_uris: apps.map((app) => `${app}/sign-in`),
  }],
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'email', 'offline_access'],
  claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'] },
  findAccount: (_ctx, sub) => ({
    accountId: sub,
    claims: async () => ({ sub, name: sub, preferred_username: sub, email: sub }),
  }),
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    revocation: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => api,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: apiScope,
        audience: api,
        accessTokenFormat: 'jwt',
        accessTokenTTL,
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  extraTokenClaims: (_ctx, token) => (token.kind === 'AccessToken'
    ? { preferred_username: token.accountId, amr: mfa ? ['pwd', 'mfa'] : ['pwd'] }
    : undefined),
  // As Entra: a refresh token whenever offline_access is asked for, no consent prompt.
  issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      const grant = await ctx.oidc.provider.Grant.find(grantId);
      if (grant) return grant;
    }
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(clientScopes);
    grant.addResourceScope(api, apiScope);
    await grant.save();
    return grant;
  },
  ttl: { Session: 3600, Grant: 3600, RefreshToken: 3600, IdToken: 3600, Interaction: 600 },
});
// Served over plain http on loopback only.
provider.proxy = false;
server.on('request', provider.callback());
process.stdout.write(`listening on ${issuer}\n`);
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
