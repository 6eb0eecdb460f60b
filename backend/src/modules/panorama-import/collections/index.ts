import type { Mapping } from '../mapping.ts';
import { reason } from '../reasons.ts';
import type { Reason } from '../reasons.ts';
import { alarmsMapping } from './alarms.ts';
import { budgetLinesMapping } from './budget-lines.ts';
import { filesMapping } from './files.ts';
import { linksMapping } from './links.ts';
import { noteLinesMapping } from './note-lines.ts';
import { noteSessionsMapping } from './note-sessions.ts';
import { notesMapping } from './notes.ts';
import { peopleMapping } from './people.ts';
import { projectsMapping } from './projects.ts';
import {
  situationActorsMapping,
  situationNotesMapping,
  situationQuestionsMapping,
  situationSummariesMapping,
  situationsMapping,
} from './situations.ts';
import { tasksMapping } from './tasks.ts';
import { teamsMapping } from './teams.ts';
import { userLogsMapping } from './user-logs.ts';
import { vendorsIgnoreMapping } from './vendors-ignore.ts';

/** The archive's collections that have a module here, by their archive name. */
export const mappings: ReadonlyMap<string, Mapping> = new Map(
  [
    projectsMapping,
    tasksMapping,
    notesMapping,
    noteSessionsMapping,
    noteLinesMapping,
    linksMapping,
    filesMapping,
    alarmsMapping,
    teamsMapping,
    peopleMapping,
    situationsMapping,
    situationActorsMapping,
    situationNotesMapping,
    situationQuestionsMapping,
    situationSummariesMapping,
    budgetLinesMapping,
    userLogsMapping,
    vendorsIgnoreMapping,
  ].map((m) => [m.collection, m]),
);

/**
 * Archive collections with no module to take them yet, kept whole in `panorama_pending` (the reason
 * is in the report) so a later version can import them from there: nothing of the archive is lost.
 * `appPreferences` has its secrets taken out first (secrets.ts).
 */
export const heldCollections: Readonly<Record<string, Reason>> = {
  chats: reason('noStoreChats'),
  errors: reason('noStoreErrors'),
  vendorsCache: reason('noStoreVendorsCache'),
  appPreferences: reason('appPreferencesKept'),
};
