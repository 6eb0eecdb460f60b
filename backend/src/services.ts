import mongoose from 'mongoose';
import { createIndexer } from './ml/index/indexer.ts';
import { createEmbedder, createLanguageModels, createVectorStore, describeModel } from './ml/setup.ts';
import type { Config } from './config.ts';
import { idempotencyJobs } from './http/idempotency.model.ts';
import type { JobDefinition, JobQueue } from './jobs/runner.ts';
import type { Logger } from './lib/logger.ts';
import { authJobs } from './modules/auth/jobs.ts';
import { createLoginLimiter } from './modules/auth/rate-limit.ts';
import { askJson } from './modules/ai/ask-json.ts';
import { createAiService } from './modules/ai/service.ts';
import { alarmJobs, createAlarmScheduler } from './modules/alarms/scheduler.ts';
import { createAlarmService } from './modules/alarms/service.ts';
import { createAuthService } from './modules/auth/service.ts';
import { createTokenService } from './modules/auth/tokens.ts';
import { chatJobs } from './modules/chat/cascade.ts';
import { memberRoomIds, roomMemberIds } from './modules/chat/access.ts';
import { createChatServices } from './modules/chat/services.ts';
import { activity } from './modules/dashboard/activity.ts';
import { projects as portfolio } from './modules/dashboard/portfolio.ts';
import { createDashboardService } from './modules/dashboard/service.ts';
import { createErrorLog } from './modules/errors/service.ts';
import { createFileService } from './modules/files/service.ts';
import { createFileStorage } from './modules/files/storage.ts';
import { createJournalService } from './modules/journal/service.ts';
import { createLinkService } from './modules/links/service.ts';
import { createPushService } from './modules/push/service.ts';
import { createBudgetServices } from './modules/budget/services.ts';
import { calendarJobs } from './modules/calendar/jobs.ts';
import { journalJobs } from './modules/journal/days.ts';
import { createCalendarService } from './modules/calendar/service.ts';
import { createCalendarSubscriptions } from './modules/calendar/subscriptions/setup.ts';
import { createNoteLineService } from './modules/notes/lines.service.ts';
import { createNoteSessionService } from './modules/notes/sessions.service.ts';
import { recentNotes } from './modules/notes/dashboard.ts';
import { createNoteService } from './modules/notes/service.ts';
import { createPeopleImport } from './modules/people/import.ts';
import { lookupJobs } from './modules/people/lookup.ts';
import { createPanoramaImportService } from './modules/panorama-import/service.ts';
import { createPeopleService } from './modules/people/service.ts';
import { createPreferencesService } from './modules/preferences/service.ts';
import { projectJobs } from './modules/projects/cascade.ts';
import { createProjectService } from './modules/projects/service.ts';
import { searchSources } from './modules/search/registry.ts';
import { createSearchService } from './modules/search/service.ts';
import { createSituationServices } from './modules/situations/services.ts';
import { createSyncService } from './modules/sync/service.ts';
import { syncJobs } from './modules/sync/tombstones.ts';
import { taskTrashJobs } from './modules/tasks/trash.ts';
import { dueSoonTasks, overdueTasks, taskCounts } from './modules/tasks/dashboard.ts';
import { createTaskService } from './modules/tasks/service.ts';
import { createTeamService } from './modules/teams/service.ts';
import { createUserService } from './modules/users/service.ts';
import type { EventBus } from './realtime/event-bus.ts';

export interface ServiceDeps {
  config: Config;
  logger: Logger;
  events: EventBus;
  jobs: JobQueue;
  /** A connected node-redis client when REDIS_URL is set. */
  redis?: unknown;
}

/** Wires every feature service once; routes, sockets and jobs all use these instances. */
export function createServices({ config, logger, events, jobs, redis }: ServiceDeps) {
  const tokens = createTokenService({
    secret: config.jwtSecret,
    accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
  });
  const limiter = createLoginLimiter({
    ipMax: config.LOGIN_IP_MAX,
    pairFailuresMax: config.LOGIN_PAIR_FAILURES_MAX,
    userFailuresMax: config.LOGIN_USER_FAILURES_MAX,
    backoffMaxSeconds: config.LOGIN_BACKOFF_MAX_SECONDS,
    windowSeconds: config.LOGIN_WINDOW_SECONDS,
    redis,
  });
  const auth = createAuthService({
    tokens,
    events,
    limiter,
    allowRegistration: config.allowRegistration,
    accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    argon2MemoryKib: config.ARGON2_MEMORY_KIB,
  });
  const tasks = createTaskService({ events });
  const notes = createNoteService({ events });
  const links = createLinkService({ events });
  const budget = createBudgetServices({ events, jobs, logger, uploadsDir: config.uploadsDir });
  const files = createFileService({
    events,
    storage: createFileStorage(config.uploadsDir),
    rooms: { memberRoomIds, memberIdsOf: roomMemberIds },
  });
  const db = mongoose.connection.db;
  if (!db) throw new Error('connect the database before creating the services');
  const embedder = createEmbedder(config);
  const store = createVectorStore(config, db, embedder.model);
  // The lease outlives the slowest embedding call, so a live worker never loses its batch to another.
  const indexer = createIndexer({
    sources: searchSources,
    embedder,
    store,
    events,
    logger,
    leaseMs: 2 * config.AI_TIMEOUT_MS + 1000,
  });
  const models = createLanguageModels(config);
  const ai = createAiService({ ...models, logger });
  const noteSessions = createNoteSessionService({ events, summarize: ai.summarize });
  const people = createPeopleService({ events });
  const preferences = createPreferencesService({ events });
  const situations = createSituationServices({
    events,
    jobs,
    logger,
    ai: {
      available: Boolean(models.chat),
      requireModel: () => void ai.chatModel(),
      ask: (actor, input, schema) => askJson(ai, actor, input, schema),
      timeoutMs: config.AI_TIMEOUT_MS,
    },
    createPerson: people.create,
    languageOf: async (actor) => (await preferences.get(actor)).language,
  });
  const calendarSubscriptions = createCalendarSubscriptions({
    events,
    jobs,
    logger,
    allow: config.OUTBOUND_ALLOW_ADDRESSES,
    preferencesOf: preferences.get,
  });
  const panoramaImport = createPanoramaImportService({ config, events, jobs, logger });
  // Project deletion removes content children first: lines and sessions, then notes, then tasks.
  const jobDefinitions: JobDefinition[] = [
    ...authJobs(tokens),
    ...chatJobs({ removeRoomFiles: files.removeRoomFiles }),
    ...projectJobs([
      noteSessions.removeProjectContent,
      notes.removeProjectContent,
      tasks.removeProjectContent,
      files.removeProjectContent,
      links.removeProjectContent,
      budget.lines.detachProject,
    ]),
    ...indexer.jobDefinitions,
    ...syncJobs,
    ...taskTrashJobs,
    ...idempotencyJobs,
    ...budget.jobs,
    ...calendarJobs,
    ...journalJobs,
    ...calendarSubscriptions.jobDefinitions,
    ...alarmJobs,
    ...situations.jobs,
    ...panoramaImport.jobs,
    ...lookupJobs,
  ];
  indexer.start();
  const push = createPushService({
    events,
    logger,
    instanceSecret: config.jwtSecret,
    contact: config.PUSH_CONTACT,
    allow: config.OUTBOUND_ALLOW_ADDRESSES,
  });
  push.start();
  const alarmScheduler = createAlarmScheduler({ events, log: logger, scanEveryMs: config.ALARMS_SCAN_MS });
  return {
    tokens,
    auth,
    users: createUserService({ auth, tokens, events, files }),
    preferences,
    links,
    push,
    journal: createJournalService({ events }),
    budget,
    calendar: createCalendarService({ events }),
    calendarSubscriptions,
    people,
    situations,
    panoramaImport,
    peopleImport: createPeopleImport({ events }),
    teams: createTeamService({ events }),
    alarms: createAlarmService({
      events,
      scheduler: alarmScheduler,
      taskVisible: (actor, taskId) =>
        tasks.get(actor, taskId).then(
          () => true,
          () => false,
        ),
    }),
    alarmScheduler,
    projects: createProjectService({ events, jobs }),
    tasks,
    notes,
    noteSessions,
    noteLines: createNoteLineService({ events, sessions: noteSessions }),
    dashboard: createDashboardService({ taskCounts, overdueTasks, dueSoonTasks, recentNotes, projects: portfolio, activity }),
    sync: createSyncService({ events }),
    search: createSearchService({
      embedder,
      store,
      llm: { chat: describeModel(models.chat), summary: describeModel(models.summary) },
    }),
    indexer,
    ai,
    files,
    chat: createChatServices({ events, jobs, redis, removeAttachments: files.removeAttachments }),
    errorLog: createErrorLog({ capBytes: config.ERRORS_COLLECTION_BYTES, log: logger }),
    jobDefinitions,
  };
}

export type Services = ReturnType<typeof createServices>;
