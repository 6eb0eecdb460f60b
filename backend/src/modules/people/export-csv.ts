import { googleColumns } from '@panoramix/contracts';
import type { PersonRecord } from '@panoramix/contracts';

/** The Google columns first (an export imports back), then Panorama's own fields. */
const columns: readonly (readonly [string, (p: PersonRecord, teams: ReadonlyMap<string, string>) => string])[] = [
  [googleColumns.firstName, (p) => p.name],
  [googleColumns.lastName, (p) => p.lastName],
  [googleColumns.email, (p) => p.email],
  [googleColumns.status, (p) => (p.left ? 'Suspended' : 'Active')],
  ['Role', (p) => p.role],
  ['Team', (p, teams) => (p.teamId ? (teams.get(p.teamId) ?? '') : '')],
  ['Subteam', (p) => p.subteam],
  ['Aliases', (p) => p.aliases.join('; ')],
  ['Contact only', (p) => (p.contactOnly ? 'yes' : 'no')],
  ['Arrival date', (p) => p.arrivalDate?.slice(0, 10) ?? ''],
  ['GitHub', (p) => p.githubUsernames.join('; ')],
  ['Notes', (p) => p.notes],
];

/**
 * One RFC 4180 field: always quoted, quotes doubled. A value a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR first: OWASP's CSV injection) gets a leading apostrophe. Written here rather
 * than with csv-stringify: quoting is these two lines, and the formula guard is needed either way.
 */
export const csvField = (value: string) => `"${(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value).replace(/"/g, '""')}"`;

/** The people as a CSV document, UTF-8 with a BOM so that Excel reads the accents. */
export function peopleCsv(people: readonly PersonRecord[], teams: ReadonlyMap<string, string>) {
  const lines = [columns.map(([header]) => csvField(header)).join(',')];
  for (const person of people) lines.push(columns.map(([, value]) => csvField(value(person, teams))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
