import { aiRoutes } from './ai.ts';
import { alarmRoutes } from './alarms.ts';
import { authRoutes } from './auth.ts';
import { calendarEventRoutes, calendarImportRoutes } from './calendar.ts';
import { calendarFeedRoutes, calendarSubscriptionRoutes } from './calendar-subscriptions.ts';
import { budgetImportRoutes, budgetLineRoutes, budgetSummaryRoutes, budgetVendorRoutes } from './budget.ts';
import { messageRoutes, roomRoutes } from './chat-routes.ts';
import { contactRoutes } from './contacts.ts';
import { dashboardRoutes } from './dashboard.ts';
import type { RouteContract } from './http.ts';
import { fileRoutes } from './files.ts';
import { journalRoutes } from './journal.ts';
import { linkRoutes } from './links.ts';
import { panoramaImportRoutes } from './panorama-import.ts';
import { noteLineRoutes, noteSessionRoutes } from './note-sessions.ts';
import { noteRoutes } from './notes.ts';
import { peopleRoutes, teamRoutes } from './people.ts';
import { projectRoutes } from './projects.ts';
import { pushRoutes } from './push.ts';
import { reportingRoutes } from './reporting.ts';
import { preferenceRoutes } from './preferences.ts';
import { searchRoutes } from './search.ts';
import { situationRoutes } from './situations.ts';
import { syncRoutes } from './sync.ts';
import { systemRoutes } from './system.ts';
import { taskRoutes } from './tasks.ts';
import { userRoutes } from './users.ts';

export * from './ai.ts';
export * from './alarms.ts';
export * from './auth.ts';
export * from './budget.ts';
export * from './calendar.ts';
export * from './calendar-subscriptions.ts';
export * from './chat.ts';
export * from './chat-events.ts';
export * from './chat-routes.ts';
export * from './contacts.ts';
export * from './common.ts';
export * from './dashboard.ts';
export * from './dashboard-rules.ts';
export * from './events.ts';
export * from './files.ts';
export * from './http.ts';
export * from './journal.ts';
export * from './links.ts';
export * from './panorama-import.ts';
export * from './note-sessions.ts';
export * from './notes.ts';
export * from './people.ts';
export * from './preferences.ts';
export * from './projects.ts';
export * from './push.ts';
export * from './reporting.ts';
export * from './search.ts';
export * from './situations.ts';
export * from './sync.ts';
export * from './system.ts';
export * from './tasks.ts';
export * from './users.ts';

/** Every route of the API, grouped by feature; the OpenAPI document lists exactly these. */
export const routes = {
  system: systemRoutes,
  auth: authRoutes,
  users: userRoutes,
  preferences: preferenceRoutes,
  links: linkRoutes,
  panoramaImport: panoramaImportRoutes,
  projects: projectRoutes,
  tasks: taskRoutes,
  notes: noteRoutes,
  noteSessions: noteSessionRoutes,
  noteLines: noteLineRoutes,
  files: fileRoutes,
  dashboard: dashboardRoutes,
  rooms: roomRoutes,
  messages: messageRoutes,
  contacts: contactRoutes,
  search: searchRoutes,
  ai: aiRoutes,
  alarms: alarmRoutes,
  push: pushRoutes,
  sync: syncRoutes,
  people: peopleRoutes,
  teams: teamRoutes,
  budgetLines: budgetLineRoutes,
  budgetImports: budgetImportRoutes,
  budgetVendors: budgetVendorRoutes,
  budgetSummary: budgetSummaryRoutes,
  journal: journalRoutes,
  reporting: reportingRoutes,
  calendarEvents: calendarEventRoutes,
  calendarImports: calendarImportRoutes,
  calendarSubscriptions: calendarSubscriptionRoutes,
  calendarFeed: calendarFeedRoutes,
  situations: situationRoutes,
} as const;

export const allRoutes: RouteContract[] = Object.values(routes).flatMap((group) => Object.values(group));
