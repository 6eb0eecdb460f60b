import type { SearchSource } from '../../ml/index/sources.ts';
import { messageSearch } from '../chat/search.ts';
import { fileSearch } from '../files/search.ts';
import { budgetSearch } from '../budget/search.ts';
import { eventSearch } from '../calendar/search.ts';
import { journalSearch } from '../journal/search.ts';
import { linkSearch } from '../links/search.ts';
import { lineSearch, sessionSearch } from '../notes/sessions.search.ts';
import { noteSearch } from '../notes/search.ts';
import { personSearch } from '../people/search.ts';
import { projectSearch } from '../projects/search.ts';
import { situationSearch } from '../situations/search.ts';
import { taskSearch } from '../tasks/search.ts';

/** Every module that contributes to search; a new module adds its source here. */
export const searchSources: readonly SearchSource[] = [
  projectSearch,
  taskSearch,
  noteSearch,
  sessionSearch,
  lineSearch,
  linkSearch,
  messageSearch,
  fileSearch,
  personSearch,
  budgetSearch,
  eventSearch,
  journalSearch,
  situationSearch,
];
