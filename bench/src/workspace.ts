// The issue-19 workspace, written straight into a database with the driver so seeding takes
// seconds, not the minutes 12,000 API calls take: one user among five, 20 projects (some shared
// both ways), 5,000 tasks, 2,000 notes, 200 note sessions of 20 lines, plus a smaller private
// share for each of the four others so that every query has other owners' documents to skip.
//
// Documents are built by the backend's own Mongoose models (defaults, casting, validation) and
// stored as Mongoose stores them: order keys from lib/order-keys.ts, timestamps, `__v`.
//
// Search indexing: direct inserts emit no domain events, so the API queues nothing for them, as
// long as they land after the indexer's start-up pass (record of the search collection, then one
// reconciliation; the next one is an hour later). Seed with `seedWorkspaceIntoRunningApi` to get
// that: the seeded items are then not searchable, and no indexing runs beside the measured
// requests. The reindex bench then queues every item itself; `searchBacklog` counts what is left.
import { hash } from '@node-rs/argon2';
import { isOpen, taskStatuses } from '@panoramix/contracts';
import type { TaskStatus } from '@panoramix/contracts';
import { MongoClient } from 'mongodb';
import type { Db } from 'mongodb';
import { Types } from 'mongoose';
import type { Model } from 'mongoose';
import { keyAfter, keyBefore } from '../../backend/src/lib/order-keys.ts';
import { NoteModel } from '../../backend/src/modules/notes/model.ts';
import { NoteLineModel, NoteSessionModel } from '../../backend/src/modules/notes/sessions.model.ts';
import { ProjectModel } from '../../backend/src/modules/projects/model.ts';
import { TaskModel } from '../../backend/src/modules/tasks/model.ts';
import { UserModel } from '../../backend/src/modules/users/model.ts';
import type { BenchDatabase } from './api-process.ts';

export interface WorkspaceSize {
  users: number;
  /** What the bench user sees: own projects plus those shared with them. */
  projects: number;
  tasks: number;
  notes: number;
  sessions: number;
  linesPerSession: number;
  /** Each other user's private data, as a fraction of the bench user's. */
  othersShare: number;
}

const fromEnv = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** The workspace; `BENCH_WORKSPACE_*` variables resize it. */
export const workspaceSize: WorkspaceSize = {
  users: fromEnv('BENCH_WORKSPACE_USERS', 5),
  projects: fromEnv('BENCH_WORKSPACE_PROJECTS', 20),
  tasks: fromEnv('BENCH_WORKSPACE_TASKS', 5_000),
  notes: fromEnv('BENCH_WORKSPACE_NOTES', 2_000),
  sessions: fromEnv('BENCH_WORKSPACE_SESSIONS', 200),
  linesPerSession: fromEnv('BENCH_WORKSPACE_LINES', 20),
  othersShare: fromEnv('BENCH_WORKSPACE_OTHERS_SHARE', 0.1),
};

export const WORKSPACE_PASSWORD = 'bench-password-123';

export interface SeededWorkspace {
  /** The user the benches sign in as. */
  user: { id: string; username: string; password: string };
  others: { id: string; username: string; password: string }[];
  /** The bench user's visible projects in their manual order; `shared` ones have other members. */
  projects: { id: string; name: string; ownerId: string; shared: boolean }[];
  /** What the bench user sees, and what the database holds in all. */
  visible: { projects: number; tasks: number; notes: number; sessions: number; lines: number };
  total: { users: number; projects: number; tasks: number; notes: number; sessions: number; lines: number };
  seconds: number;
}

const DAY_MS = 86_400_000;
const BATCH = 1_000;

/** A fixed sequence, so two runs seed the same workspace. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const words =
  'plan revue client budget sprint maquette contrat réunion rapport design api mobile facture livraison audit ' +
  'recrutement serveur migration sauvegarde tests documentation marketing support formation roadmap';
const vocabulary = words.split(' ');

/**
 * Builds the document `fields` make with `model` exactly as Mongoose stores it (defaults, casting,
 * the version key) and refuses one the schema rejects, so a renamed or newly required field fails here.
 */
async function stored(model: Model<any>, fields: Record<string, unknown>) {
  const doc = new model(fields);
  await doc.validate().catch((error: Error) => {
    throw new Error(`${model.modelName} seed document is invalid: ${error.message}`);
  });
  const object = doc.toObject({ depopulate: true, virtuals: false }) as Record<string, unknown>;
  const versionKey = model.schema.get('versionKey') as string | false | undefined;
  if (versionKey && object[versionKey] === undefined) object[versionKey] = 0;
  return object;
}

async function insertAll(db: Db, collection: string, docs: Record<string, unknown>[]) {
  for (let start = 0; start < docs.length; start += BATCH) {
    await db.collection(collection).insertMany(docs.slice(start, start + BATCH), { ordered: false });
  }
}

/** Seeds the workspace into database `name` at `uri` (which should be empty) and says what it wrote. */
export async function seedWorkspace(database: BenchDatabase, size: WorkspaceSize = workspaceSize) {
  const startedAt = performance.now();
  const rand = random(19);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const phrase = (n: number) => Array.from({ length: n }, () => pick(vocabulary)).join(' ');
  const now = Date.now();
  /** Creation times from a year ago up to an hour ago, in the order the items are made. */
  const timeline = (i: number, count: number) => new Date(now - 365 * DAY_MS + (i / Math.max(1, count)) * 364 * DAY_MS);

  const userIds = Array.from({ length: size.users }, () => new Types.ObjectId());
  const usernames = userIds.map((_, i) => `workspace_${i}`);
  const passwordHash = await hash(WORKSPACE_PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const users = await Promise.all(
    userIds.map((_id, i) =>
      stored(UserModel, {
        _id,
        username: usernames[i],
        displayName: `Workspace ${i}`,
        passwordHash,
        createdAt: new Date(now - 400 * DAY_MS),
        updatedAt: new Date(now - 400 * DAY_MS),
      }),
    ),
  );
  const [me, ...others] = userIds as [Types.ObjectId, ...Types.ObjectId[]];

  // Projects: a fifth owned by the others and shared with the bench user, a fifth of the bench
  // user's own shared with one or two others, the rest private; each other user also has private ones.
  interface ProjectSeed {
    _id: Types.ObjectId;
    ownerId: Types.ObjectId;
    memberIds: Types.ObjectId[];
  }
  const visibleProjects: ProjectSeed[] = Array.from({ length: size.projects }, (_, i) => {
    const _id = new Types.ObjectId();
    const other = others.length > 0 ? others[i % others.length]! : undefined;
    if (other && i % 5 === 1) return { _id, ownerId: other, memberIds: [other, me] };
    if (other && i % 5 === 3) return { _id, ownerId: me, memberIds: [me, other, ...(i % 2 ? [others.at(-1)!] : [])] };
    return { _id, ownerId: me, memberIds: [me] };
  });
  const privateProjectsPer = Math.max(1, Math.round(size.projects * size.othersShare));
  const privateProjects = new Map(
    others.map((owner) => [
      String(owner),
      Array.from({ length: privateProjectsPer }, () => ({ _id: new Types.ObjectId(), ownerId: owner, memberIds: [owner] })),
    ]),
  );
  const projectDocs: Record<string, unknown>[] = [];
  const projectNames = new Map<string, string>();
  const rankProjects = async (list: ProjectSeed[], label: string) => {
    let last: string | undefined;
    for (const [i, project] of list.entries()) {
      const rank = keyAfter(last, project._id);
      last = rank;
      const createdAt = timeline(i, list.length * 4);
      const name = `${label} ${i + 1} ${phrase(2)}`;
      projectNames.set(String(project._id), name);
      projectDocs.push(
        await stored(ProjectModel, {
          _id: project._id,
          userId: project.ownerId,
          memberIds: project.memberIds,
          name,
          description: phrase(12),
          status: i % 3 === 0 ? 'En cours' : '',
          targetDate: i % 4 === 0 ? new Date(now + ((i % 9) - 3) * 7 * DAY_MS) : null,
          healthFlag: i % 6 === 0 ? 'orange' : null,
          isFavorite: i < 3,
          favoriteRank: i < 3 ? i : null,
          rank,
          lastActivityAt: new Date(now - (i % 40) * DAY_MS),
          createdAt,
          updatedAt: createdAt,
        }),
      );
    }
  };
  await rankProjects(visibleProjects, 'Projet');
  for (const list of privateProjects.values()) await rankProjects(list, 'Privé');

  // Content: a list is a project or one owner's inbox; a task, note or session in a shared project
  // is sometimes written by another member.
  type Place = { projectId: Types.ObjectId | null; authors: Types.ObjectId[]; list: string };
  const placesOf = (owner: Types.ObjectId, projects: ProjectSeed[]): Place[] => [
    { projectId: null, authors: [owner], list: `inbox:${String(owner)}` },
    ...projects.map((p) => ({ projectId: p._id, authors: p.memberIds, list: String(p._id) })),
  ];
  const spaces = [
    { places: placesOf(me, visibleProjects), share: 1 },
    ...others.map((owner) => ({ places: placesOf(owner, privateProjects.get(String(owner))!), share: size.othersShare })),
  ];
  /** A place for item `i`: a fifth in the inbox, the rest spread over the projects. */
  const placeOf = (places: Place[], i: number) =>
    i % 5 === 0 || places.length === 1 ? places[0]! : places[1 + (i % (places.length - 1))]!;
  const authorOf = (place: Place, i: number) => (i % 7 === 0 ? place.authors[i % place.authors.length]! : place.authors[0]!);

  const tasks: Record<string, unknown>[] = [];
  const notes: Record<string, unknown>[] = [];
  const sessions: Record<string, unknown>[] = [];
  const lines: Record<string, unknown>[] = [];
  const hasOpenFlag = Boolean(TaskModel.schema.path('open'));
  for (const { places, share } of spaces) {
    const taskCount = Math.round(size.tasks * share);
    const firstRank = new Map<string, string>();
    // Oldest first, each new task on top of its list, as the API ranks them.
    for (let i = 0; i < taskCount; i++) {
      const place = placeOf(places, i);
      const _id = new Types.ObjectId();
      const rank = keyBefore(firstRank.get(place.list), _id);
      firstRank.set(place.list, rank);
      const createdAt = timeline(i, taskCount);
      const status: TaskStatus = i % 10 < 4 ? 'todo' : i % 10 < 6 ? 'in_progress' : pick(taskStatuses);
      const statusChangedAt = new Date(Math.min(now, createdAt.getTime() + (i % 20) * DAY_MS));
      tasks.push(
        await stored(TaskModel, {
          _id,
          userId: authorOf(place, i),
          projectId: place.projectId,
          title: `Tâche ${i + 1} ${phrase(4)}`,
          notes: i % 3 === 0 ? phrase(20) : '',
          status,
          ...(hasOpenFlag ? { open: isOpen({ status }) } : {}),
          statusChangedAt,
          deadline: i % 3 === 0 ? new Date(now + ((i % 60) - 20) * DAY_MS) : null,
          isUrgent: i % 4 === 0,
          isImportant: i % 3 === 1,
          rank,
          tags: i % 6 === 0 ? [pick(vocabulary)] : [],
          createdAt,
          updatedAt: statusChangedAt,
        }),
      );
    }
    const noteCount = Math.round(size.notes * share);
    for (let i = 0; i < noteCount; i++) {
      const place = placeOf(places, i);
      const createdAt = timeline(i, noteCount);
      notes.push(
        await stored(NoteModel, {
          userId: authorOf(place, i),
          projectId: place.projectId,
          title: `Note ${i + 1} ${phrase(3)}`,
          content: `# ${phrase(3)}\n\n${phrase(60)}\n\n- ${phrase(8)}\n- ${phrase(8)}\n`,
          createdAt,
          updatedAt: new Date(Math.min(now, createdAt.getTime() + (i % 30) * DAY_MS)),
        }),
      );
    }
    const sessionCount = Math.round(size.sessions * share);
    for (let i = 0; i < sessionCount; i++) {
      const place = placeOf(places, i);
      const author = authorOf(place, i);
      const _id = new Types.ObjectId();
      const createdAt = timeline(i, sessionCount);
      sessions.push(
        await stored(NoteSessionModel, {
          _id,
          userId: author,
          projectId: place.projectId,
          name: `Session ${i + 1} ${phrase(2)}`,
          closedAt: i < sessionCount - 3 ? new Date(createdAt.getTime() + 2 * 3_600_000) : null,
          createdAt,
          updatedAt: createdAt,
        }),
      );
      let last: string | undefined;
      for (let j = 0; j < size.linesPerSession; j++) {
        const lineId = new Types.ObjectId();
        last = keyAfter(last, lineId);
        const at = new Date(createdAt.getTime() + j * 60_000);
        lines.push(
          await stored(NoteLineModel, {
            _id: lineId,
            userId: author,
            sessionId: _id,
            projectId: place.projectId,
            content: phrase(10),
            rank: last,
            createdAt: at,
            updatedAt: at,
          }),
        );
      }
    }
  }

  await connected(database, async (db) => {
    await insertAll(db, UserModel.collection.collectionName, users);
    await insertAll(db, ProjectModel.collection.collectionName, projectDocs);
    await insertAll(db, TaskModel.collection.collectionName, tasks);
    await insertAll(db, NoteModel.collection.collectionName, notes);
    await insertAll(db, NoteSessionModel.collection.collectionName, sessions);
    await insertAll(db, NoteLineModel.collection.collectionName, lines);
  });

  const account = (id: Types.ObjectId, i: number) => ({ id: String(id), username: usernames[i]!, password: WORKSPACE_PASSWORD });
  const seeded: SeededWorkspace = {
    user: account(me, 0),
    others: others.map((id, i) => account(id, i + 1)),
    projects: visibleProjects.map((p) => ({
      id: String(p._id),
      name: projectNames.get(String(p._id))!,
      ownerId: String(p.ownerId),
      shared: p.memberIds.length > 1,
    })),
    visible: {
      projects: size.projects,
      tasks: size.tasks,
      notes: size.notes,
      sessions: size.sessions,
      lines: size.sessions * size.linesPerSession,
    },
    total: {
      users: users.length,
      projects: projectDocs.length,
      tasks: tasks.length,
      notes: notes.length,
      sessions: sessions.length,
      lines: lines.length,
    },
    seconds: (performance.now() - startedAt) / 1000,
  };
  return seeded;
}

export function describeWorkspace(seeded: SeededWorkspace) {
  const { visible: v, total: t } = seeded;
  return (
    `workspace seeded in ${seeded.seconds.toFixed(1)} s: ${seeded.user.username} sees ${v.projects} projects ` +
    `(${seeded.projects.filter((p) => p.shared).length} shared), ${v.tasks} tasks, ${v.notes} notes, ` +
    `${v.sessions} sessions × ${v.sessions ? v.lines / v.sessions : 0} lines; the database holds ${t.users} users, ` +
    `${t.projects} projects, ${t.tasks} tasks, ${t.notes} notes, ${t.sessions} sessions, ${t.lines} lines`
  );
}

const connected = async <T>(database: BenchDatabase, use: (db: Db) => Promise<T>) => {
  const client = await MongoClient.connect(database.uri);
  try {
    return await use(client.db(database.name));
  } finally {
    await client.close();
  }
};

/** Index entries still to do: the search backlog. */
export const searchBacklog = (database: BenchDatabase) =>
  connected(database, (db) => db.collection('search_queue').countDocuments({ state: 'pending' }));

/**
 * Waits for the running API's indexer to finish its start-up pass, then seeds: the API queues
 * nothing for the seeded items (checked: a non-empty backlog after seeding throws).
 */
export async function seedWorkspaceIntoRunningApi(database: BenchDatabase, size: WorkspaceSize = workspaceSize) {
  const deadline = Date.now() + 60_000;
  await connected(database, async (db) => {
    while ((await db.collection('search_collections').countDocuments({})) === 0) {
      if (Date.now() > deadline) throw new Error('the search indexer did not record its collection within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  // The reconciliation that follows the record scans empty collections: a moment, not a race worth more.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const seeded = await seedWorkspace(database, size);
  const backlog = await searchBacklog(database);
  if (backlog > 0) throw new Error(`the API queued ${backlog} seeded items for indexing`);
  return seeded;
}
