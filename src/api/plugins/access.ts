/**
 * Sessions, access policies and CSRF at the edge. Every route declares `config.policy`; routes
 * registered by documentation and static-file plugins are public by design (listed below).
 * Anything else without a policy makes the app refuse to start.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Config } from '../../config.ts';
import { decide, type Policy, publicAccess } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import { type ResolvedSession, resolveSession, type SessionPolicy } from '../../services/auth/sessions.ts';
import { recordDenial, type ServiceContext } from '../../services/context.ts';
import type { AppDeps } from '../app.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The access policy this route enforces (required on every route). */
    policy?: Policy;
  }
  interface FastifyRequest {
    /** The caller's session, when the request carried a live one. */
    auth: ResolvedSession | undefined;
    /** The service context for this request. */
    ctx: ServiceContext;
  }
  interface FastifyInstance {
    /** Every registered route with the policy it declares (filled by onRoute). */
    routeCatalogue: RouteEntry[];
  }
}

export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  readonly policy: string | undefined;
  /** Which parts of the request the route validates. */
  readonly validates: { readonly body: boolean; readonly params: boolean; readonly querystring: boolean };
}

/** Routes that plugins register: the API reference and the built web app, public by design. */
export const PUBLIC_PLUGIN_PREFIXES = ['/assets/'];

export const SESSION_COOKIE = '__Host-caseload';
const INSECURE_SESSION_COOKIE = 'caseload';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const isLoopback = (hostname: string) => ['localhost', '127.0.0.1', '[::1]', '::1'].includes(hostname);

/**
 * `__Host-` cookies must be Secure; browsers honour Secure cookies over https and on localhost.
 * Plain http on another host (a LAN test server) falls back to a plain cookie name.
 */
export function cookieSecurity(request: FastifyRequest): { name: string; secure: boolean } {
  const secure = request.protocol === 'https' || isLoopback(request.hostname);
  return secure ? { name: SESSION_COOKIE, secure: true } : { name: INSECURE_SESSION_COOKIE, secure: false };
}

export function sessionToken(request: FastifyRequest): string | undefined {
  const token = request.cookies[SESSION_COOKIE] ?? request.cookies[INSECURE_SESSION_COOKIE];
  return token && /^[A-Za-z0-9_-]{22}$/.test(token) ? token : undefined;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
) {
  const { name, secure } = cookieSecurity(request);
  void reply.setCookie(name, token, {
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'strict',
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  const { name, secure } = cookieSecurity(request);
  void reply.clearCookie(name, { path: '/', httpOnly: true, secure, sameSite: 'strict' });
}

const equalTokens = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser cross-site request (browsers send Origin on writes)
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

export function registerAccess(app: FastifyInstance, config: Config, deps: AppDeps) {
  const sessionPolicy: SessionPolicy = config.session;
  app.decorate('routeCatalogue', []);
  app.decorateRequest('auth', undefined);
  app.decorateRequest('ctx', undefined as unknown as ServiceContext);

  app.addHook('onRoute', (route: RouteOptions) => {
    const url = route.url;
    if (!route.config?.policy && PUBLIC_PLUGIN_PREFIXES.some((p) => url.startsWith(p))) {
      route.config = { ...route.config, policy: publicAccess };
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      app.routeCatalogue.push({
        method,
        url,
        policy: route.config?.policy?.name,
        validates: {
          body: route.schema?.body !== undefined,
          params: route.schema?.params !== undefined,
          querystring: route.schema?.querystring !== undefined,
        },
      });
    }
  });

  app.addHook('onReady', async () => {
    const missing = app.routeCatalogue.filter((r) => !r.policy);
    if (missing.length > 0) {
      throw new Error(
        `Routes without an access policy: ${missing.map((r) => `${r.method} ${r.url}`).join(', ')}. ` +
          'Declare config.policy on every route.',
      );
    }
  });

  app.addHook('onRequest', async (request) => {
    const token = sessionToken(request);
    request.auth = token ? await resolveSession(deps.db, token, deps.clock.now(), sessionPolicy) : undefined;
    request.ctx = {
      db: deps.db,
      clock: deps.clock,
      actor: request.auth?.actor,
      requestId: String(request.id),
      ip: request.ip,
      log: request.log,
      records: config.records,
    };
    // Not-found requests have no route config; the not-found handler answers them.
    if (request.is404) return;
    const policy = request.routeOptions.config.policy;
    if (!policy) throw new AppError('INTERNAL', 'This route declares no access policy.');
    if (!SAFE_METHODS.has(request.method)) {
      if (!sameOrigin(request)) throw new AppError('CSRF_FAILED', 'The request came from another site.');
      const csrf = request.headers['x-csrf-token'];
      if (request.auth && !(typeof csrf === 'string' && equalTokens(csrf, request.auth.session.csrf_token))) {
        if (!policy.public) throw new AppError('CSRF_FAILED');
        request.auth = undefined; // a public write (sign-in) without the token acts as signed out
      }
    }
    if (policy.public) return;
    if (!request.auth) throw new AppError('UNAUTHENTICATED');
    if (request.auth.session.stage !== 'full') {
      if (policy.partialSession) return;
      throw new AppError('MFA_REQUIRED');
    }
    if (policy.partialSession) return;
    const decision = decide(policy, request.auth.actor, undefined);
    if (!decision.allowed) {
      await recordDenial(request.ctx, policy.name, {
        entityType: 'route',
        entityId: `${request.method} ${request.routeOptions.url}`,
      });
      throw new AppError('FORBIDDEN');
    }
  });
}
