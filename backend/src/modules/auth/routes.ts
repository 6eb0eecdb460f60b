import { authRoutes } from '@panoramix/contracts';
import type { Session } from '@panoramix/contracts';
import { Router } from 'express';
import type { Request, Response } from 'express';
import type { Bind } from '../../http/route.ts';
import type { AuthService, IssuedSession } from './service.ts';

export const REFRESH_COOKIE = 'pnx_refresh';

/**
 * Browsers keep the refresh token in an httpOnly cookie scoped to /api/auth; native clients
 * (Android, scripts) announce themselves with `X-Client: native` and get it in the body.
 */
function createSessionTransport(options: { secureCookies: boolean; refreshTtlDays: number }) {
  const isNative = (req: Request) => req.get('x-client') === 'native';

  function deliver(req: Request, res: Response, issued: IssuedSession): Session {
    if (isNative(req)) return issued;
    res.cookie(REFRESH_COOKIE, issued.refreshToken, {
      httpOnly: true,
      secure: options.secureCookies,
      sameSite: 'strict',
      path: '/api/auth',
      maxAge: options.refreshTtlDays * 86_400_000,
    });
    const { refreshToken: _kept, ...session } = issued;
    return session;
  }

  const presented = (req: Request, body: { refreshToken?: string | undefined } | undefined): string | undefined =>
    body?.refreshToken ?? (req.cookies as Record<string, string> | undefined)?.[REFRESH_COOKIE];

  const clear = (res: Response) => res.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });

  return { deliver, presented, clear };
}

export function authRouter(bind: Bind, auth: AuthService, options: { secureCookies: boolean; refreshTtlDays: number }) {
  const router = Router();
  const transport = createSessionTransport(options);

  bind(router, authRoutes.status, () => auth.status());
  const userAgent = (req: Request) => req.get('user-agent');
  bind(router, authRoutes.register, async ({ req, res, body }) =>
    transport.deliver(req, res, await auth.register(body, userAgent(req))),
  );
  bind(router, authRoutes.login, async ({ req, res, body }) =>
    transport.deliver(
      req,
      res,
      await auth.login({
        ...body,
        ip: req.ip ?? 'unknown',
        refreshToken: transport.presented(req, body),
        userAgent: userAgent(req),
      }),
    ),
  );
  bind(router, authRoutes.refresh, async ({ req, res, body }) => {
    try {
      return transport.deliver(req, res, await auth.refresh(transport.presented(req, body)));
    } catch (error) {
      transport.clear(res);
      throw error;
    }
  });
  bind(router, authRoutes.logout, async ({ req, res, body }) => {
    await auth.logout(transport.presented(req, body));
    transport.clear(res);
    return { ok: true as const };
  });
  bind(router, authRoutes.logoutEverywhere, async ({ res, user }) => {
    await auth.logoutEverywhere(user);
    transport.clear(res);
    return { ok: true as const };
  });
  bind(router, authRoutes.me, ({ user }) => auth.me(user));
  bind(router, authRoutes.updateMe, ({ user, body }) => auth.updateMe(user, body));
  bind(router, authRoutes.sessions, ({ user }) => auth.sessions(user));
  bind(router, authRoutes.revokeSession, async ({ user, params }) => {
    await auth.revokeSession(user, params.id);
    return { ok: true as const };
  });
  bind(router, authRoutes.changePassword, async ({ req, res, user, body }) =>
    transport.deliver(req, res, await auth.changePassword(user, body, userAgent(req))),
  );
  return router;
}
