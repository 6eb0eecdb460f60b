import type { Role } from '@panoramix/contracts';
import type { Request } from 'express';
import { unauthorized } from './problem.ts';

/** The caller of a request or a socket, as services receive it. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  /** The sign-in this caller's access token belongs to (absent from tokens issued before sessions were listed). */
  sessionId?: string | undefined;
}

export function bearerToken(req: Request): string {
  const header = req.headers.authorization;
  const match = header ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
  if (!match?.[1]) throw unauthorized('Missing bearer token');
  return match[1];
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set once a route has authenticated its caller. */
      user?: AuthUser;
    }
  }
}
