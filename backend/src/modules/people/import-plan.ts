import type { ImportRow } from '@panoramix/contracts';
import type { GoogleRecord } from './google-csv.ts';

/** What an import needs to know of the people already there. */
export interface KnownPerson {
  id: string;
  name: string;
  lastName: string;
  email: string;
  left: boolean;
}

export interface ImportPlan {
  rows: ImportRow[];
  inserts: GoogleRecord[];
  updates: { id: string; record: GoogleRecord }[];
}

const lastNameKey = (lastName: string) => lastName.trim().toLowerCase();
const emailLike = /^[^\s@]+@[^\s@]+$/;

/**
 * Panorama's matching, decided whole before anything is written: a row matches a person by email,
 * else by last name (lower-cased) when exactly one person has it and that person's email is not
 * another one (a different email is a different person: Paul Martin is not Jean Martin). Rows of
 * the file are de-duplicated the same way (a person is matched by one row at most): a later row with an email, or without email a last
 * name, already seen is skipped.
 */
export function planImport(records: readonly GoogleRecord[], existing: readonly KnownPerson[]): ImportPlan {
  const byEmail = new Map(existing.filter((p) => p.email).map((p) => [p.email, p]));
  const byLastName = new Map<string, KnownPerson[]>();
  for (const person of existing) {
    const key = lastNameKey(person.lastName);
    if (!key) continue;
    const same = byLastName.get(key);
    if (same) same.push(person);
    else byLastName.set(key, [person]);
  }
  const seenEmails = new Set<string>();
  const seenLastNames = new Set<string>();
  const claimed = new Set<string>();
  const plan: ImportPlan = { rows: [], inserts: [], updates: [] };

  for (const record of records) {
    const row = (action: ImportRow['action'], reason: ImportRow['reason'], personId: string | null = null) =>
      plan.rows.push({ ...record, action, reason, personId });
    const lastName = lastNameKey(record.lastName);
    if (!record.name) {
      row('skip', 'missing-name');
      continue;
    }
    if (record.email && !emailLike.test(record.email)) {
      row('skip', 'bad-email');
      continue;
    }
    if ((record.email && seenEmails.has(record.email)) || (!record.email && lastName && seenLastNames.has(lastName))) {
      row('skip', 'duplicate-in-file');
      continue;
    }
    if (record.email) seenEmails.add(record.email);
    if (lastName) seenLastNames.add(lastName);

    let match = record.email ? byEmail.get(record.email) : undefined;
    if (match && claimed.has(match.id)) {
      row('skip', 'duplicate-in-file', match.id);
      continue;
    }
    if (!match && lastName) {
      // A person already matched by an earlier row, or with another email, is someone else.
      const candidates = (byLastName.get(lastName) ?? []).filter((p) => !claimed.has(p.id) && (!p.email || !record.email));
      if (candidates.length > 1) {
        row('skip', 'ambiguous-last-name');
        continue;
      }
      match = candidates[0];
    }
    if (match) claimed.add(match.id);

    if (!match) {
      plan.inserts.push(record);
      row('insert', null);
    } else if (
      match.name === record.name &&
      match.lastName === record.lastName &&
      match.left === record.left &&
      (match.email === record.email || !record.email)
    ) {
      row('skip', 'unchanged', match.id);
    } else {
      plan.updates.push({ id: match.id, record });
      row('update', null, match.id);
    }
  }
  return plan;
}
