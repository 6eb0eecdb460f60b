import { readFile } from 'node:fs/promises';
import type { ImportSummary } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { derivedFields } from './derive.ts';
import { decodeCsv, readGoogleCsv } from './google-csv.ts';
import type { GoogleRecord } from './google-csv.ts';
import { planImport } from './import-plan.ts';
import { holdingIndexer } from '../../ml/index/hold.ts';
import { changeLookup, ensureLookup, lookupChanges } from './lookup.ts';
import { PersonModel } from './model.ts';
import type { PersonDoc } from './model.ts';
import { toPersonDto } from './service.ts';

const importedFields = (record: GoogleRecord, keepEmail = '') => {
  const named = { name: record.name, lastName: record.lastName, email: record.email || keepEmail };
  return { ...named, left: record.left };
};

/**
 * Google Workspace import: the whole file is decoded, parsed and matched before the first write,
 * so a bad file (missing columns, a broken quote) changes nothing. Inserts then updates, each one
 * batch; a crash between them is finished by a re-run, which matches what was already written.
 */
export function createPeopleImport(deps: { events: EventBus }) {
  async function plan(actor: AuthUser, filePath: string) {
    const { text, encoding } = decodeCsv(new Uint8Array(await readFile(filePath)));
    const records = readGoogleCsv(text);
    const existing = await PersonModel.find({ userId: actor.id }, { name: 1, lastName: 1, email: 1, left: 1, aliases: 1 }).lean<
      PersonDoc[]
    >();
    const known = existing.map((p) => ({ id: String(p._id), name: p.name, lastName: p.lastName, email: p.email, left: p.left }));
    return { encoding, existing, plan: planImport(records, known) };
  }

  function summary(encoding: ImportSummary['encoding'], rows: ImportSummary['rows'], totalBefore: number, totalAfter: number) {
    const count = (action: string) => rows.filter((r) => r.action === action).length;
    return {
      inserted: count('insert'),
      updated: count('update'),
      skipped: count('skip'),
      totalBefore,
      totalAfter,
      rows,
      encoding,
    };
  }

  async function preview(actor: AuthUser, filePath: string): Promise<ImportSummary> {
    const { encoding, existing, plan: p } = await plan(actor, filePath);
    return summary(encoding, p.rows, existing.length, existing.length + p.inserts.length);
  }

  /**
   * The search worker is held off while the file is written (ml/index/hold.ts): beside it, on
   * FerretDB, 6,000 people took 100–300 s to apply, and lists built meanwhile failed on the lock.
   */
  const apply = (actor: AuthUser, filePath: string) => holdingIndexer(() => applyFile(actor, filePath));

  async function applyFile(actor: AuthUser, filePath: string): Promise<ImportSummary> {
    const { encoding, existing, plan: p } = await plan(actor, filePath);
    // The lookup exists before the write (built now if missing, from the people before the file), so
    // the write below updates it: else a new user's first list after the import read every person.
    await ensureLookup(actor.id);
    const byId = new Map(existing.map((person) => [String(person._id), person]));
    const inserted =
      p.inserts.length === 0
        ? []
        : await PersonModel.insertMany(
            p.inserts.map((record) => {
              const fields = importedFields(record);
              return { ...fields, ...derivedFields({ ...fields, aliases: [] }), userId: actor.id };
            }),
            { ordered: true },
          );
    if (p.updates.length > 0) {
      await PersonModel.bulkWrite(
        p.updates.map(({ id, record }) => {
          const before = byId.get(id)!;
          const fields = importedFields(record, before.email);
          return {
            updateOne: {
              filter: { _id: before._id, userId: actor.id },
              update: { $set: { ...fields, ...derivedFields({ ...fields, aliases: before.aliases }) } },
            },
          };
        }),
        { ordered: false },
      );
    }
    const updatedIds = p.updates.map(({ id }) => byId.get(id)!._id);
    const updated = updatedIds.length
      ? await PersonModel.find({ userId: actor.id, _id: { $in: updatedIds } }).lean<PersonDoc[]>()
      : [];
    const insertedDocs = inserted.map((doc) => doc.toObject() as PersonDoc);
    await changeLookup(actor.id, lookupChanges([...insertedDocs, ...updated])); // one write for the whole file
    // Each person is announced, as any bulk change is: open lists and the search index follow. All
    // at once, so the index queue stores them in one write.
    await Promise.all([
      ...insertedDocs.map((doc) => deps.events.emit({ type: 'person.created', userId: actor.id, data: toPersonDto(doc) })),
      ...updated.map((doc) => deps.events.emit({ type: 'person.updated', userId: actor.id, data: toPersonDto(doc) })),
    ]);
    // Counted from the plan, as the preview counts: a count would read the whole collection again on FerretDB.
    return summary(encoding, p.rows, existing.length, existing.length + inserted.length);
  }

  return { preview, apply };
}

export type PeopleImport = ReturnType<typeof createPeopleImport>;
