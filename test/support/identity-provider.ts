import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/** The person the test provider signs in next, and what their id token says. */
export interface ProviderUser {
  sub: string;
  claims: Record<string, unknown>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1 at a random port, for the
 * council sign-in tests. Its interaction signs `user` in and consents at once, so the
 * redirects can be driven without a browser; `tamper` re-signs the next id token with
 * the provider's own key after changing its claims (a token for another audience).
 */
export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  user: ProviderUser;
  tamper: ((claims: Record<string, unknown>) => Record<string, unknown>) | null;
  /** Follows the provider's redirects from the authorization URL to the redirect back; the callback URL. */
  signIn(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

export async function startIdentityProvider(options: { redirectUri: string }): Promise<TestIdentityProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };

  const self: TestIdentityProvider = {
    issuer,
    clientId: 'cohesion-network',
    clientSecret: 'a-test-client-secret-that-is-long-enough',
    user: { sub: 'nobody', claims: {} },
    tamper: null,
    signIn: (url) => follow(url, options.redirectUri),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: self.clientId,
        client_secret: self.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key'] },
    claims: {
      openid: ['sub', 'tid', 'upn'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
    },
    // Entra puts the claims in the id token; so does this provider.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ ...self.user.claims, sub }),
    }),
  });
  provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && self.tamper && body?.id_token) {
      const claims = self.tamper(decodeJwt(body.id_token));
      body.id_token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).sign(privateKey);
    }
  });

  const handle = provider.callback();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.url?.startsWith('/interaction/')) {
      void interact(provider, self, request, response);
      return;
    }
    void handle(request, response);
  });
  return self;
}

/** Signs `user` in, then grants what the client asked for. */
async function interact(
  provider: Provider,
  self: TestIdentityProvider,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  try {
    const details = await provider.interactionDetails(request, response);
    if (details.prompt.name === 'login') {
      await provider.interactionFinished(request, response, { login: { accountId: self.user.sub } });
      return;
    }
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session?.accountId, clientId: details.params.client_id as string });
    if (!grant) throw new Error('no grant');
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    await provider.interactionFinished(request, response, { consent: { grantId } }, { mergeWithLastSubmission: true });
  } catch (error) {
    response.statusCode = 500;
    response.end(String(error));
  }
}

/** Drives the redirects as a browser would, keeping the provider's cookies, until it is sent to `redirectUri`. */
async function follow(start: string, redirectUri: string): Promise<URL> {
  const jar = new Map<string, string>();
  let next = new URL(start);
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(next, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const separator = pair.indexOf('=');
      jar.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`The provider answered ${response.status}: ${await response.text()}`);
    next = new URL(location, next);
    if (next.href.startsWith(redirectUri)) return next;
  }
  throw new Error('The provider never sent the browser back');
}
