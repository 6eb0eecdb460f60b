import type { FeatureDefinition } from '../app/registry.ts';
import { alarmsFeature } from './alarms/feature.ts';
import { budgetFeature } from './budget/feature.ts';
import { calendarFeature } from './calendar/feature.ts';
import { chatFeature } from './chat/feature.ts';
import { filesFeature } from './files/feature.ts';
import { dashboardFeature } from './dashboard/feature.ts';
import { journalFeature } from './journal/feature.ts';
import { linksFeature } from './links/feature.ts';
import { notesFeature } from './notes/feature.ts';
import { peopleFeature } from './people/feature.ts';
import { projectsFeature } from './projects/feature.ts';
import { reportingFeature } from './reporting/feature.ts';
import { searchFeature } from './search/feature.ts';
import { situationsFeature } from './situations/feature.ts';
import { tasksFeature } from './tasks/feature.ts';
import { terminalFeature } from './terminal/feature.ts';

/** The tabs of the shell, in sidebar order. A new feature adds one line here and nothing in the shell. */
export const features: readonly FeatureDefinition[] = [
  dashboardFeature,
  projectsFeature,
  tasksFeature,
  notesFeature,
  linksFeature,
  alarmsFeature,
  calendarFeature,
  peopleFeature,
  situationsFeature,
  journalFeature,
  reportingFeature,
  budgetFeature,
  filesFeature,
  chatFeature,
  searchFeature,
  terminalFeature,
];
