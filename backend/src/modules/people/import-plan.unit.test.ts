import { describe, expect, it } from 'vitest';
import type { GoogleRecord } from './google-csv.ts';
import { planImport } from './import-plan.ts';
import type { KnownPerson } from './import-plan.ts';

let line = 1;
const record = (fields: Partial<GoogleRecord>): GoogleRecord => ({
  line: ++line,
  name: 'Jean',
  lastName: 'Martin',
  email: '',
  left: false,
  ...fields,
});
const known = (fields: Partial<KnownPerson> & { id: string }): KnownPerson => ({
  name: 'Jean',
  lastName: 'Martin',
  email: '',
  left: false,
  ...fields,
});
const actions = (plan: ReturnType<typeof planImport>) => plan.rows.map((r) => [r.action, r.reason, r.personId]);

describe('planImport', () => {
  it('matches by email first, whatever the last name says', () => {
    const plan = planImport(
      [record({ name: 'Jeanne', lastName: 'Durand', email: 'j@acme.test' })],
      [known({ id: 'a', email: 'j@acme.test' }), known({ id: 'b', lastName: 'Durand' })],
    );
    expect(actions(plan)).toEqual([['update', null, 'a']]);
    expect(plan.updates[0]?.record.lastName).toBe('Durand');
  });

  it('then by last name, ignoring case, when one person without another email has it', () => {
    const plan = planImport([record({ lastName: 'MARTIN', email: 'jean@acme.test' })], [known({ id: 'a' })]);
    expect(actions(plan)).toEqual([['update', null, 'a']]);
  });

  it('inserts someone whose namesake has another email: a different person', () => {
    const plan = planImport([record({ name: 'Paul', email: 'paul@acme.test' })], [known({ id: 'a', email: 'jean@acme.test' })]);
    expect(actions(plan)).toEqual([['insert', null, null]]);
  });

  it('skips a row whose last name fits several people, saying so', () => {
    const plan = planImport([record({ name: 'Jean' })], [known({ id: 'a' }), known({ id: 'b', name: 'Paul' })]);
    expect(actions(plan)).toEqual([['skip', 'ambiguous-last-name', null]]);
  });

  it('de-duplicates inside the file by email, then by last name for rows without email', () => {
    const plan = planImport(
      [
        record({ email: 'x@acme.test' }),
        record({ name: 'Other', lastName: 'Else', email: 'X@acme.test'.toLowerCase() }),
        record({ name: 'Zoé', lastName: 'Roux' }),
        record({ name: 'Zoé', lastName: 'roux' }),
      ],
      [],
    );
    expect(actions(plan)).toEqual([
      ['insert', null, null],
      ['skip', 'duplicate-in-file', null],
      ['insert', null, null],
      ['skip', 'duplicate-in-file', null],
    ]);
    expect(plan.inserts).toHaveLength(2);
  });

  it('lets one person be matched by one row only', () => {
    const plan = planImport(
      [record({ name: 'Jean' }), record({ name: 'Jean', email: 'jean@acme.test' })],
      [known({ id: 'a', email: 'jean@acme.test', name: 'J.' })],
    );
    expect(actions(plan)).toEqual([
      ['update', null, 'a'],
      ['skip', 'duplicate-in-file', 'a'],
    ]);
  });

  it('skips unchanged people, rows without first name and broken emails, so a re-run writes nothing', () => {
    const plan = planImport(
      [
        record({ email: 'jean@acme.test' }),
        record({ name: '', lastName: 'Nobody' }),
        record({ name: 'Bad', email: 'not-an-email' }),
      ],
      [known({ id: 'a', email: 'jean@acme.test' })],
    );
    expect(actions(plan)).toEqual([
      ['skip', 'unchanged', 'a'],
      ['skip', 'missing-name', null],
      ['skip', 'bad-email', null],
    ]);
    expect(plan.updates).toEqual([]);
  });

  it('updates who left: a suspended account', () => {
    const plan = planImport([record({ email: 'jean@acme.test', left: true })], [known({ id: 'a', email: 'jean@acme.test' })]);
    expect(actions(plan)).toEqual([['update', null, 'a']]);
  });
});
