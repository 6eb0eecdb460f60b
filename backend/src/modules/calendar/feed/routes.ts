import { calendarFeedRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Response } from 'express';
import type { Bind } from '../../../http/route.ts';
import type { FeedService } from './service.ts';

export function calendarFeedRouter(bind: Bind, feed: FeedService) {
  const router = Router();
  bind(router, calendarFeedRoutes.status, ({ user }) => feed.status(user));
  bind(router, calendarFeedRoutes.regenerate, ({ user }) => feed.regenerate(user));
  bind(router, calendarFeedRoutes.revoke, async ({ user }) => void (await feed.revoke(user)));
  bind(router, calendarFeedRoutes.read, async ({ params, res }) => void send(res, await feed.read(params.file)));
  return router;
}

function send(res: Response, calendar: string) {
  // Calendar apps poll it; a shared cache must never keep one user's calendar.
  res.set({ 'cache-control': 'private, no-cache', 'content-disposition': 'inline; filename="panoramix.ics"' });
  res.type('text/calendar; charset=utf-8').send(calendar);
}
