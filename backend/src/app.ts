import { allRoutes, systemRoutes } from '@panoramix/contracts';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import express, { Router } from 'express';
import { pinoHttp } from 'pino-http';
import swaggerUi from 'swagger-ui-express';
import type { Config } from './config.ts';
import { pingDatabase } from './db/connect.ts';
import { bearerToken } from './http/auth-guard.ts';
import { compressResponses } from './http/compression.ts';
import { errorHandler, methodNotAllowed, notFoundHandler, requireJson } from './http/errors.ts';
import { HttpError, problemTypes } from './http/problem.ts';
import { requestId } from './http/request-id.ts';
import { docsPolicy, securityHeaders } from './http/security-headers.ts';
import { createBinder } from './http/route.ts';
import { createUploadReceiver } from './http/upload.ts';
import { serveWebClient } from './http/web.ts';
import type { Logger } from './lib/logger.ts';
import { createOpenApiDocument } from './openapi-document.ts';
import { aiRouter } from './modules/ai/routes.ts';
import { alarmsRouter } from './modules/alarms/routes.ts';
import { authRouter } from './modules/auth/routes.ts';
import { contactsRouter } from './modules/chat/contacts.routes.ts';
import { messagesRouter } from './modules/chat/messages.routes.ts';
import { roomsRouter } from './modules/chat/rooms.routes.ts';
import { dashboardRouter } from './modules/dashboard/routes.ts';
import { filesRouter } from './modules/files/routes.ts';
import { journalRouter } from './modules/journal/routes.ts';
import { linksRouter } from './modules/links/routes.ts';
import { pushRouter } from './modules/push/routes.ts';
import { budgetRouter } from './modules/budget/routes.ts';
import { calendarRouter } from './modules/calendar/routes.ts';
import { calendarFeedRouter } from './modules/calendar/feed/routes.ts';
import { calendarSubscriptionsRouter } from './modules/calendar/subscriptions/routes.ts';
import { noteSessionsRouter } from './modules/notes/sessions.routes.ts';
import { notesRouter } from './modules/notes/routes.ts';
import { peopleRouter } from './modules/people/routes.ts';
import { preferencesRouter } from './modules/preferences/routes.ts';
import { projectsRouter } from './modules/projects/routes.ts';
import { reportingRouter } from './modules/reporting/routes.ts';
import { searchRouter } from './modules/search/routes.ts';
import { situationsRouter } from './modules/situations/routes.ts';
import { syncRouter } from './modules/sync/routes.ts';
import { tasksRouter } from './modules/tasks/routes.ts';
import { teamsRouter } from './modules/teams/routes.ts';
import { usersRouter } from './modules/users/routes.ts';
import { panoramaImportRouter } from './modules/panorama-import/routes.ts';
import type { Services } from './services.ts';

/** Builds the Express app without listening: the server and the tests mount it. */
export function createApp({ config, logger, services }: { config: Config; logger: Logger; services: Services }) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.set('query parser', 'simple'); // no nested objects from query strings: `?a[$gt]=` stays a string

  app.use(
    pinoHttp({
      logger,
      genReqId: requestId,
      customProps: (req) => ({ userId: (req as express.Request).user?.id }),
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(securityHeaders());
  app.use(compressResponses());
  app.use('/api', cors({ origin: config.CORS_ORIGINS, credentials: true, maxAge: 600 }));
  app.use('/api', requireJson, express.json({ limit: config.BODY_LIMIT, strict: true }), cookieParser());

  const bind = createBinder((req) => services.auth.authenticate(bearerToken(req)), {
    receiveUpload: createUploadReceiver(config.uploadsDir),
  });
  const api = Router();

  bind(api, systemRoutes.health, () => ({ status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) }));
  bind(api, systemRoutes.ready, async () => {
    if (!(await pingDatabase())) throw new HttpError(503, problemTypes.unavailable, 'Not ready', 'The database does not answer');
    return { status: 'ready' as const, database: 'up' as const };
  });

  const openApiDocument = createOpenApiDocument();
  api.get('/api/openapi.json', (_req, res) => void res.json(openApiDocument));
  api.use('/api/docs', docsPolicy(), swaggerUi.serve, swaggerUi.setup(openApiDocument, { customSiteTitle: 'Panoramix API' }));

  api.use(authRouter(bind, services.auth, { secureCookies: config.production, refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS }));
  api.use(usersRouter(bind, services.users));
  api.use(panoramaImportRouter(bind, services.panoramaImport));
  api.use(preferencesRouter(bind, services.preferences));
  api.use(linksRouter(bind, services.links));
  api.use(pushRouter(bind, services.push));
  api.use(budgetRouter(bind, services.budget));
  api.use(calendarRouter(bind, services.calendar));
  api.use(calendarSubscriptionsRouter(bind, services.calendarSubscriptions.service));
  api.use(calendarFeedRouter(bind, services.calendarSubscriptions.feed));
  api.use(peopleRouter(bind, services.people, services.peopleImport));
  api.use(teamsRouter(bind, services.teams));
  api.use(alarmsRouter(bind, services.alarms));
  api.use(situationsRouter(bind, services.situations));
  api.use(projectsRouter(bind, services.projects));
  api.use(tasksRouter(bind, services.tasks));
  api.use(notesRouter(bind, services.notes));
  api.use(noteSessionsRouter(bind, services.noteSessions, services.noteLines));
  api.use(filesRouter(bind, services.files));
  api.use(dashboardRouter(bind, services.dashboard));
  api.use(roomsRouter(bind, services.chat));
  api.use(messagesRouter(bind, services.chat));
  api.use(contactsRouter(bind, services.chat));
  api.use(searchRouter(bind, services.search));
  api.use(syncRouter(bind, services.sync));
  api.use(aiRouter(bind, services.ai));
  api.use(journalRouter(bind, { journal: services.journal, tasks: services.tasks, ai: services.ai }));
  api.use(reportingRouter(bind, { ai: services.ai, projects: services.projects, tasks: services.tasks }));

  app.use(api);
  app.use(methodNotAllowed(allRoutes));
  app.use('/api', notFoundHandler);
  serveWebClient(app, config.webDist);
  app.use(notFoundHandler);
  app.use(errorHandler(services.errorLog));
  return app;
}
