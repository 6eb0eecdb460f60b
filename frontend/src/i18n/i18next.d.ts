import 'i18next';
import type { AlarmsMessages } from '../features/alarms/messages-fr.ts';
import type { BudgetMessages } from '../features/budget/messages-fr.ts';
import type { CalendarMessages } from '../features/calendar/messages-fr.ts';
import type { CalendarSubscriptionsMessages } from '../features/calendar/subscriptions/messages-fr.ts';
import type { ChatMessages } from '../features/chat/messages-fr.ts';
import type { FilesMessages } from '../features/files/messages-fr.ts';
import type { JournalMessages } from '../features/journal/messages-fr.ts';
import type { LinksMessages } from '../features/links/messages-fr.ts';
import type { DashboardMessages } from '../features/dashboard/messages-fr.ts';
import type { NotesMessages } from '../features/notes/messages-fr.ts';
import type { PanoramaImportMessages } from '../features/projects/panorama-import/messages-fr.ts';
import type { PeopleMessages } from '../features/people/messages-fr.ts';
import type { ProjectsMessages } from '../features/projects/messages-fr.ts';
import type { ReportingMessages } from '../features/reporting/messages-fr.ts';
import type { SearchMessages } from '../features/search/messages-fr.ts';
import type { SituationsMessages } from '../features/situations/messages-fr.ts';
import type { TasksMessages } from '../features/tasks/messages-fr.ts';
import type { TerminalMessages } from '../features/terminal/messages-fr.ts';
import type { ProblemMessages } from '../api/problem-messages-fr.ts';
import type { AccountMessages } from '../app/account/messages-fr.ts';
import type { ShellMessages } from '../app/shell/messages-fr.ts';
import type { MentionMessages } from '../ui/mention-messages-fr.ts';
import type { Messages } from './fr.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // Feature namespaces are added when their page loads (i18n/namespaces.ts); typed all the same.
    resources: {
      translation: Messages;
      dashboard: DashboardMessages;
      projects: ProjectsMessages;
      tasks: TasksMessages;
      terminal: TerminalMessages;
      notes: NotesMessages;
      search: SearchMessages;
      chat: ChatMessages;
      files: FilesMessages;
      links: LinksMessages;
      panoramaImport: PanoramaImportMessages;
      people: PeopleMessages;
      alarms: AlarmsMessages;
      budget: BudgetMessages;
      calendar: CalendarMessages;
      calendarSubscriptions: CalendarSubscriptionsMessages;
      situations: SituationsMessages;
      journal: JournalMessages;
      reporting: ReportingMessages;
      problems: ProblemMessages;
      account: AccountMessages;
      shell: ShellMessages;
      mentions: MentionMessages;
    };
  }
}
