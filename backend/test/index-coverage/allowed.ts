/**
 * Queries the index-coverage check accepts although no index serves them, each group with why.
 * Keyed by `describeShape`, so a query that changes shape is checked again. Keep this short:
 * everything here is a collection scan (or an in-memory sort) on MongoDB too.
 */
/** Every collection the export writes (the whole instance, `_id` order) and a restore wipes. */
const exported = [
  'users',
  'userPreferences',
  'instanceflags',
  'projects',
  'tasks',
  'notes',
  'note_sessions',
  'note_lines',
  'links',
  'alarms',
  'files',
  'rooms',
  'roomreads',
  'messages',
  'contacts',
  'teams',
  'people',
  'budget_imports',
  'budget_lines',
  'budget_trash',
  'budget_ignores',
  'budget_mappings',
  'budget_kept_pairs',
  'budget_merges',
  'calendar_events',
  'calendar_trash',
  'calendarsubscriptions',
  'calendarfeeds',
  'journal_entries',
  'situations',
  'situation_actors',
  'situation_notes',
  'situation_questions',
  'situation_summaries',
  'panorama_pending',
  'user_secrets',
];

const groups: { reason: string; shapes: string[] }[] = [
  {
    reason:
      'reads every document by design: the export of the whole instance, the search reconciliation (each ' +
      "source's ids and dates, and the backlog's ids, against the index), in a job or an admin's request",
    shapes: [
      ...exported.flatMap((c) => [`${c}.find {}`, `${c}.find {} sort {_id: 1}`]),
      'search_queue.find {}',
      'messages.find {deletedAt: eq, text: filter}', // the chat search source: every live message with text
    ],
  },
  {
    reason:
      'start-up upgrades of older documents (number ranks to order keys, the `open` flag): one scan per start ' +
      'that writes nothing once done; they should run once per database instead (reported in issue 19)',
    shapes: [
      ...['projects', 'tasks', 'note_lines'].map((c) => `${c}.find {rank: range} sort {rank: 1, _id: 1}`),
      ...['projects', 'tasks', 'note_lines'].map((c) => `${c}.find {rank: range} sort {rank: 1} limited`),
      'tasks.update {status: in, open: filter}',
      'tasks.update {status: filter, open: filter}',
      'budget_lines.distinct {}', // the budget's books built once per database, and rebuilt nightly
      // The calendar's month buckets, rebuilt from the events at start, after a restore and nightly.
      'calendar_events.distinct {}',
      'calendar_buckets.distinct {}',
      // The journal's day documents, the same way (journal/days.ts).
      'journal_entries.distinct {}',
      'journal_days.distinct {}',
      'situation_actors.find {personKey: filter}', // actors imported from before their personKey
      'people.distinct {}', // the people lookups rebuilt nightly
      'people_lookup.delete {}', // dropped when their format changed and after a restore (a few documents), each rebuilt on its next list
      'people_lookup.delete {userId: filter}', // nightly: the lookups of users with no people left (a few documents)
    ],
  },
  {
    reason: 'a small bounded set: the search leases, at most a batch (512) per running worker, read whole by each claim',
    shapes: ['search_leases.find {}'],
  },
  {
    reason: "a small bounded set: an instance's accounts (tens), searched by any part of a name, which no index bounds",
    shapes: [
      'users.find {_id: filter, disabled: eq, $or: [{username: range}, {displayName: filter}]} sort {username: 1} limited',
      'users.find {_id: filter, disabled: eq, $or: [{username: filter}, {displayName: filter}]} sort {username: 1} limited',
    ],
  },
  {
    reason: 'sent by test code to check an outcome or to wipe the database before a restore, not by the API',
    shapes: [
      ...exported.map((c) => `${c}.delete {}`),
      'users.aggregate {}',
      'userPreferences.aggregate {}',
      'tenancythings.aggregate {}',
      'links.aggregate {title: eq}',
      'errors.find {requestId: eq} limited',
      'errors.aggregate {requestId: eq}',
      'search_entries.aggregate {itemId: eq}',
      'search_entries.delete {itemId: eq}',
      'search_collections.find {}',
      'search_collections.update {}',
    ],
  },
];

export const allowedScans: Record<string, string> = Object.fromEntries(
  groups.flatMap(({ reason, shapes }) => shapes.map((shape) => [shape, reason])),
);
