/** Sign-in (password, then TOTP or enrolment), session, sign-out, password change. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../../config.ts';
import {
  changePasswordRequestSchema,
  loginRequestSchema,
  sessionResponseSchema,
  totpCodeRequestSchema,
  totpEnrolConfirmResponseSchema,
  totpEnrolmentSchema,
} from '../../../contract/auth.ts';
import { problemSchema } from '../../../contract/common.ts';
import { publicAccess, signedIn, signingIn } from '../../../domain/access/policy.ts';
import { AppError } from '../../../domain/errors.ts';
import { changePassword } from '../../../services/auth/change-password.ts';
import {
  confirmTotpEnrolment,
  startTotpEnrolment,
  verifySecondFactor,
} from '../../../services/auth/second-factor.ts';
import { sessionEndsAt } from '../../../services/auth/sessions.ts';
import { signIn } from '../../../services/auth/sign-in.ts';
import { signOut } from '../../../services/auth/sign-out.ts';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../../plugins/access.ts';
import { presentSession } from './auth.presenter.ts';

const problems = {
  400: problemSchema,
  401: problemSchema,
  409: problemSchema,
  423: problemSchema,
  429: problemSchema,
};

function current(request: FastifyRequest) {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth;
}

export const authRoutes: FastifyPluginAsync<{ config: Config }> = async (base, { config }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const sessionPolicy = config.session;
  const loginRateLimit = { max: config.loginIpLimitPerMinute, timeWindow: '1 minute' };

  app.post(
    '/login',
    {
      config: { policy: publicAccess, rateLimit: loginRateLimit },
      schema: {
        summary: 'Sign in with email and password',
        description: 'Answers a session whose `stage` says whether a second factor or enrolment comes next.',
        tags: ['auth'],
        body: loginRequestSchema,
        response: { 200: sessionResponseSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { session, user } = await signIn(request.ctx, sessionPolicy, {
        email: request.body.email,
        password: request.body.password,
        previousToken: sessionToken(request),
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return presentSession(session, user);
    },
  );

  app.post(
    '/login/totp',
    {
      config: { policy: signingIn, rateLimit: loginRateLimit },
      schema: {
        summary: 'Second sign-in step: a code from the authenticator app or a recovery code',
        tags: ['auth'],
        body: totpCodeRequestSchema,
        response: { 200: sessionResponseSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { session, user } = await verifySecondFactor(request.ctx, sessionPolicy, current(request), {
        code: request.body.code,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return presentSession(session, user);
    },
  );

  app.post(
    '/totp/enrol',
    {
      config: { policy: signingIn, rateLimit: loginRateLimit },
      schema: {
        summary: 'Start setting up an authenticator app',
        tags: ['auth'],
        response: { 200: totpEnrolmentSchema, ...problems },
      },
    },
    async (request) => startTotpEnrolment(request.ctx, current(request)),
  );

  app.post(
    '/totp/enrol/confirm',
    {
      config: { policy: signingIn, rateLimit: loginRateLimit },
      schema: {
        summary: 'Confirm the authenticator app with a code; returns recovery codes once',
        tags: ['auth'],
        body: totpCodeRequestSchema,
        response: { 200: totpEnrolConfirmResponseSchema, ...problems },
      },
    },
    async (request, reply) => {
      const result = await confirmTotpEnrolment(request.ctx, sessionPolicy, current(request), {
        code: request.body.code,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(request, reply, result.session.token, result.session.expiresAt);
      return { recoveryCodes: result.recoveryCodes, session: presentSession(result.session, result.user) };
    },
  );

  app.get(
    '/session',
    {
      config: { policy: signingIn },
      schema: {
        summary: 'The current session (who is signed in, and what comes next)',
        tags: ['auth'],
        response: { 200: sessionResponseSchema, 401: problemSchema },
      },
    },
    async (request) => {
      const auth = current(request);
      return presentSession(
        {
          stage: auth.session.stage,
          csrfToken: auth.session.csrf_token,
          expiresAt: sessionEndsAt(auth.session, sessionPolicy),
        },
        auth.user,
      );
    },
  );

  app.post(
    '/logout',
    {
      config: { policy: signingIn },
      schema: {
        summary: 'Sign out: the session ends on the server',
        tags: ['auth'],
        response: { 204: z.null(), 401: problemSchema },
      },
    },
    async (request, reply) => {
      await signOut(request.ctx, current(request));
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/password',
    {
      config: { policy: signedIn, rateLimit: loginRateLimit },
      schema: {
        summary: 'Change your password; your other sessions end',
        tags: ['auth'],
        body: changePasswordRequestSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await changePassword(request.ctx, current(request), request.body);
      return reply.code(204).send(null);
    },
  );
};
