import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/**
 * Test builder: a Panorama archive (spec §2.1 framing, all 22 collections in Panorama's order) with
 * the awkward cases of issue 18. `overrides` replaces or adds collections' documents.
 */
export const OWNER = 'uOwner00000000001';
export const STRANGER = 'uStranger0000001'; // a Panorama user with no account here
export const ARCHIVE_ORDER = [
  'projects',
  'tasks',
  'notes',
  'noteSessions',
  'noteLines',
  'links',
  'files',
  'alarms',
  'teams',
  'people',
  'situations',
  'situationActors',
  'situationNotes',
  'situationQuestions',
  'situationSummaries',
  'budgetLines',
  'appPreferences',
  'chats',
  'errors',
  'userLogs',
  'vendorsCache',
  'vendorsIgnore',
] as const;

const at = (day: number) => new Date(Date.UTC(2025, 5, day, 9, 0, 0)).toISOString();
export const bigNote = `# Gros\n${'Ligne accentuée — 😀 漢字 <b>gras</b>\n'.repeat(2500)}`.slice(0, 100_000);

export function awkwardDocuments(): Record<string, Record<string, unknown>[]> {
  const owned = (id: string, day: number) => ({ _id: id, userId: OWNER, createdAt: at(day), updatedAt: at(day + 1) });
  return {
    projects: [
      {
        ...owned('pShared0000000001', 1),
        name: 'Refonte <b>site</b> 🚀',
        memberIds: [OWNER, STRANGER],
        targetDate: null,
        panoramaStatus: 'green',
        panoramaRank: 2,
        riskLevel: 'high',
      },
      {
        ...owned('pSolo000000000002', 2),
        name: '项目 été',
        description: 'CJK 漢字 et accents',
        isFavorite: true,
        favoriteRank: 1,
      },
    ],
    tasks: [
      { ...owned('tLegacy0000000001', 3), title: 'Sans statut', projectId: 'pShared0000000001', priorityRank: 0 },
      { ...owned('tOdd0000000000002', 3), title: 'Statut bizarre', status: 'waiting', priorityRank: 1, deadline: null },
      {
        ...owned('tDangling00000003', 3),
        title: 'Projet disparu',
        status: 'todo',
        projectId: 'pGone000000000009',
        statusChangedAt: at(3),
      },
      {
        ...owned('tDone000000000004', 4),
        title: 'Fini',
        status: 'done',
        statusChangedAt: at(5),
        deadline: at(9),
        tags: ['a', 'b'],
        isUrgent: true,
        source: { kind: 'userLog', logEntryIds: ['lLog0000000000001'], createdAt: at(4), windowHours: 3 },
      },
    ],
    notes: [
      { ...owned('nBig0000000000001', 5), title: 'Note de 100 Ko', content: bigNote, projectId: 'pSolo000000000002' },
      {
        ...owned('nNull000000000002', 5),
        title: '  <i>HTML</i> ',
        content: '',
        projectId: null,
        lockedBy: null,
        claudeProjectId: 'cX',
      },
    ],
    noteSessions: [
      {
        ...owned('sSess000000000001', 6),
        name: 'Réunion',
        projectId: 'pShared0000000001',
        coachQuestions: ['?'],
        aiSummaryAt: at(7),
      },
    ],
    noteLines: [
      {
        _id: 'lLine000000000001',
        userId: OWNER,
        sessionId: 'sSess000000000001',
        projectId: 'pShared0000000001',
        content: 'première',
        createdAt: at(6),
      },
      { _id: 'lLine000000000002', userId: OWNER, sessionId: 'sGone000000000009', content: 'orpheline', createdAt: at(6) },
    ],
    links: [
      { ...owned('kLink000000000001', 7), name: 'Doc', url: 'https://example.test/é', clicksCount: 3, lastClickedAt: at(8) },
    ],
    files: [
      {
        ...owned('fFile000000000001', 8),
        projectId: '__none__',
        name: 'plan',
        originalName: 'plan.pdf',
        storedFileName: 'plan__abc__plan.pdf',
        size: 5,
        mimeType: 'application/pdf',
      },
      {
        ...owned('fFile000000000002', 8),
        projectId: 'pSolo000000000002',
        name: 'absent',
        originalName: 'absent.txt',
        storedFileName: 'absent__def__absent.txt',
        size: 3,
      },
    ],
    alarms: [
      {
        ...owned('aAlarm00000000001', 9),
        title: 'Réveil',
        enabled: true,
        nextTriggerAt: '2030-01-07T07:00:00.000Z',
        recurrence: { type: 'weekly', daysOfWeek: [1, 3] },
        snoozedUntilAt: null,
        done: false,
      },
    ],
    teams: [{ ...owned('gTeam000000000001', 10), name: 'Équipe SRE' }],
    people: [
      {
        ...owned('hPers000000000001', 10),
        name: 'Élodie',
        lastName: 'Dupont',
        teamId: 'gTeam000000000001',
        githubUsername: 'elodie',
        email: 'E@X.test',
      },
      {
        ...owned('hPers000000000002', 10),
        name: 'elodie',
        lastName: 'Martin',
        managerId: 'hPers000000000001',
        githubUsernames: ['em'],
      },
      { ...owned('hPers000000000003', 10), name: 'Zoé', managerId: 'hGone000000000009', teamId: 'gGone000000000009' },
    ],
    situations: [{ ...owned('xSit0000000000001', 11), title: 'Conflit', description: 'd' }],
    situationActors: [
      { ...owned('xAct0000000000001', 11), situationId: 'xSit0000000000001', personId: 'hPers000000000001', name: 'Élodie' },
      // The same person twice in one situation: Panorama's sparse unique index did not always hold.
      { ...owned('xAct0000000000002', 11), situationId: 'xSit0000000000001', personId: 'hPers000000000001', name: 'Elo' },
    ],
    situationNotes: [
      { ...owned('xNote000000000001', 11), situationId: 'xSit0000000000001', actorId: 'xAct0000000000001', content: 'n' },
      { ...owned('xNote000000000002', 11), situationId: 'xGone000000000009', actorId: null, content: 'orpheline' },
    ],
    situationQuestions: [
      {
        _id: 'xQ00000000000001',
        userId: OWNER,
        situationId: 'xSit0000000000001',
        actorId: 'xAct0000000000001',
        questions: [{ q: 'Q?', r: 'R' }],
        createdAt: at(11),
      },
    ],
    situationSummaries: [
      { _id: 'xSum000000000001', userId: OWNER, situationId: 'xSit0000000000001', text: 'plan', createdAt: at(11) },
    ],
    budgetLines: [
      {
        ...owned('bLine000000000001', 12),
        date: '2025-05-31',
        vendor: 'OVH',
        amountCents: 12000,
        currency: 'EUR',
        importBatch: 'batch_1717142400000',
        importFile: 'may.xlsx',
        dedupeHash: '2025-05-31|12000|ovh',
        department: 'tech',
        team: 'sre',
        importedAt: at(12),
      },
    ],
    appPreferences: [
      {
        _id: 'appPrefs000000001',
        filesDir: '/home/x/PanoramaFiles',
        openaiApiKey: 'sk-test-openai',
        pennylaneToken: 'pl-token',
        slack: { enabled: true, botToken: 'xoxb-1', allowedUserId: 'U1' },
        theme: 'dark',
      },
    ],
    chats: [{ ...owned('cChat000000000001', 13), role: 'user', content: 'bonjour' }],
    errors: [{ ...owned('eErr0000000000001', 13), kind: 'server', message: 'boom' }],
    userLogs: [{ ...owned('lLog0000000000001', 14), content: 'journal 😀' }],
    vendorsCache: [{ ...owned('vCache00000000001', 14), supplierId: 42, name: 'OVH SAS' }],
    vendorsIgnore: [
      { ...owned('vIgn0000000000001', 14), type: 'supplier', supplierId: 7, vendorName: 'Amazon' },
      { ...owned('vIgn0000000000002', 14), type: 'label', publicFileUrl: 'https://x.test/f.pdf' },
    ],
  };
}

/** Writes an archive of `documents` (default: the awkward ones) in the spec's framing; extra collections go last. */
export function writeTestArchive(file: string, documents: Record<string, Record<string, unknown>[]> = awkwardDocuments()) {
  const names = [...ARCHIVE_ORDER, ...Object.keys(documents).filter((n) => !(ARCHIVE_ORDER as readonly string[]).includes(n))];
  const lines = names.flatMap((collection) => [
    JSON.stringify({ collection, type: 'begin' }),
    ...(documents[collection] ?? []).map((doc) => JSON.stringify({ collection, doc })),
    JSON.stringify({ collection, type: 'end' }),
  ]);
  writeFileSync(file, gzipSync(`${lines.join('\n')}\n`, { level: 9 }));
  return file;
}
