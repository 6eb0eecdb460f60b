import type { Problem, ProblemType } from '@panoramix/contracts';
import { i18n } from '../i18n/i18n.ts';
import { addNamespace } from '../i18n/namespaces.ts';
import { en } from './problem-messages-en.ts';
import { fr } from './problem-messages-fr.ts';
import type { ProblemMessages } from './problem-messages-fr.ts';

// Loaded with the first failed call (problem.ts), so these texts cost the first paint nothing.
addNamespace('problems', { fr, en });

type Key<Group extends 'fields' | 'details'> = keyof ProblemMessages[Group];
/** i18next's typed `t` checks each key's variables; these keys come from the tables below, checked by their type. */
const say = (key: string, values?: Record<string, string>) => (i18n.t as (key: string, values?: object) => string)(key, values);

/**
 * The server's English field messages (its own, and Zod's defaults), each mapped to a text of
 * `fields`; named groups become the text's variables. First match wins.
 */
export const fieldPatterns: readonly (readonly [RegExp, Key<'fields'>])[] = [
  // A room's members name the first unknown id: the user cannot act on it, so it is left out.
  [/^(?:body\.\w+: )?no such user(?: [a-f\d]{24})?$/i, 'noSuchUser'],
  [/^no such project$/, 'noSuchProject'],
  [/^must be a member of the task's project$/, 'taskMember'],
  [/^no such task$/, 'noSuchTask'],
  [/^must name at least one day$/, 'oneDay'],
  [/^must not repeat a day$/, 'repeatedDay'],
  [/^must be at most a day$/, 'atMostADay'],
  [/^must be an http\(s\) (?:address|URL)$/, 'httpAddress'],
  [/^must be base64url$/, 'base64url'],
  [/^must not be empty$/, 'notEmpty'],
  [/^must not be empty without files$/, 'notEmptyWithoutFiles'],
  [/^(?:must be at most (?<count>\d+) characters|Too big: expected string to have <=(?<count2>\d+) characters)$/, 'tooLong'],
  [/^(?:must be at least (?<count>\d+) characters|Too small: expected string to have >=(?<count2>\d+) characters)$/, 'tooShort'],
  [/^(?:is required|Invalid input: expected \w+, received undefined)$/, 'required'],
  [/^a file is required$/, 'fileRequired'],
  [/^is already taken$/, 'taken'],
  [/^is wrong$/, 'wrong'],
  [/^cannot be yourself$/, 'notYourself'],
  [/^may contain only letters, digits and underscores$/, 'usernameCharacters'],
  [/^is too simple: use at least (?<count>\d+) different characters$/, 'tooSimple'],
  [/^must be an IANA time zone$/, 'timeZone'],
  [/^must be a colour like/, 'colour'],
  [/^(?:must be one of (?<values>.+)|Invalid option: expected one of (?<values2>.+))$/, 'oneOf'],
  [/^must be a 24-character hexadecimal id$/, 'notAnId'],
  [/^must be a tab id$/, 'notATab'],
  [/^is not an order key$/, 'notAnOrderKey'],
  [/^is not a cursor of a list$/, 'notACursor'],
  [/^is not a version given by the server$/, 'notAVersion'],
  [/^must be 8 to 64 letters, digits/, 'clientId'],
  [/^nothing to update$/, 'nothingToUpdate'],
  [/^at most (?<count>\d+) tags$/, 'tooManyTags'],
  [/^select at least one task$/, 'selectTask'],
  [/^at most (?<count>\d+) tasks at once$/, 'tooManyTasks'],
  [/^must be a session id$/, 'notASession'],
  [/^must be an email address$/, 'email'],
  [/^must be an ISO 4217 code/, 'currencyCode'],
  [/^must be a GitHub user name$/, 'githubUser'],
  [/^no such team$/, 'noSuchTeam'],
  [/^no such person$/, 'noSuchPerson'],
  [/^no user named \S+$/, 'noUserNamed'],
  [/^not a file this import is missing$/, 'notMissingFile'],
  [/^cannot be the person themself$/, 'ownManager'],
  [/^cannot be the team deleted$/, 'sameTeam'],
  [/^would make a loop: (?<chain>.+)$/, 'managerLoop'],
  [/^missing columns: (?<names>.+)$/, 'missingColumns'],
  [/^not a readable CSV \(line (?<line>\d+)/, 'unreadableCsv'],
  [/^(?:the file )?is empty$/, 'emptyFile'],
  // What a budget import cannot read in a file (backend/src/modules/budget/imports/).
  [/^is a binary file, not text$/, 'binaryFile'],
  [/^has a single column/, 'singleColumn'],
  [/^has a header row and no lines$/, 'headerOnly'],
  [/^is not a readable CSV file/, 'unreadableCsvFile'],
  [/^(?:is named \.xlsx but is not an Excel workbook|is not a readable Excel)/, 'notExcel'],
  [/^has no sheet with data$/, 'emptyWorkbook'],
  [/^declares a DTD or entities/, 'xmlEntities'],
  [/^is not well-formed XML$/, 'badXml'],
  [/^is not a CAMT\.053 statement/, 'notCamt'],
  [/^is a CAMT\.053 statement without entries$/, 'emptyCamt'],
  [/^is not an OFX file/, 'notOfx'],
  [/^is a truncated OFX file/, 'truncatedOfx'],
  [/^is an OFX file without transactions$/, 'emptyOfx'],
  [/^is not a QIF file$/, 'notQif'],
  [/^must differ from (?:lineId|keepId)$/, 'anotherLine'],
  [/^must list at most (?<count>\d+) people$/, 'tooManyPeople'],
  [/^must name someone$/, 'nameSomeone'],
  [/^must list at most (?<count>\d+) files$/, 'tooManyFiles'],
  [/^not a message of this room$/, 'notInRoom'],
  [/^must not repeat a file$/, 'repeatedFile'],
  [/^each must be a file of mine/, 'filesNotYours'],
  [/^is not an image of yours$/, 'notYourImage'],
  [/^Unrecognized keys?: (?<name>.+)$/, 'unknownField'],
  // Zod's own English defaults, for the checks that carry no message of ours.
  [/^Too big: expected array to have <=?(?<count>\d+) items$/, 'tooManyItems'],
  [/^Too small: expected array to have >=?(?<count>\d+) items$/, 'tooFewItems'],
  [/^is not a feed address$/, 'feedAddress'],
  [/^must be `all` or secret names separated by commas$/, 'secretsChoice'],
  [/^must be an http\(s\) or webcal address$/, 'feedUrl'],
  [/^must be at least 15 minutes$/, 'atLeast15Minutes'],
  [/^must be at most 10080 minutes \(a week\)$/, 'atMostAWeek'],
  [/^must be panoramaUserId=username pairs separated by commas$/, 'userMapping'],
  [/^must cite an entry$/, 'citeEntry'],
  [/^must hold at most 100 questions$/, 'atMost100Questions'],
  [/^already an actor here$/, 'alreadyActor'],
  [/^an all-day event runs from a midnight UTC to a later one$/, 'allDayMidnights'],
  [/^an occurrence of a series cannot recur itself$/, 'occurrenceNoRecur'],
  [/^must not be before start$/, 'notBeforeStart'],
  [/^no such actor in this situation$/, 'noSuchActor'],
  [/^required without a personId$/, 'nameWithoutPerson'],
  [/^(?:must be at most (?<count>\d+)|Too big: expected (?:number|int|bigint) to be <=?(?<count2>\d+))$/, 'atMost'],
  [/^(?:must be at least (?<count>\d+)|Too small: expected (?:number|int|bigint) to be >=?(?<count2>\d+))$/, 'atLeast'],
  [/^Invalid ISO (?:datetime|date)$/, 'notADate'],
  [/^Invalid input: expected (?<expected>\w+), received \w+$/, 'wrongType'],
  [/^Invalid /, 'invalid'],
];

/** The server's English `detail` sentences that say more than their problem type. */
export const detailPatterns: readonly (readonly [RegExp, Key<'details'>])[] = [
  [/^No language model is configured on this server/, 'noLanguageModel'],
  [/^(?:Wrong password|The current password is wrong)$/, 'wrongPassword'],
  [/^This username is already taken$/, 'usernameTaken'],
  [/^Registration is closed/, 'registrationClosed'],
  [/^This account is disabled$/, 'accountDisabled'],
  [/^The avatar must be an image you uploaded/, 'avatarImage'],
  [/^Only the owner of the project can/, 'projectOwnerOnly'],
  [/^The owner cannot leave the project/, 'ownerCannotLeave'],
  [/^Only an admin of the group can/, 'groupAdminOnly'],
  [/^A direct room always has its two members/, 'directRoomMembers'],
  [/^At least one active administrator must remain$/, 'lastAdministrator'],
  [/^You cannot disable or demote your own account$/, 'ownAccount'],
  [/^Administrators only$/, 'administratorsOnly'],
  [/^Programs and installers cannot be uploaded$/, 'programsRefused'],
  [/^A request with this Idempotency-Key is still running/, 'stillRunning'],
];

/** Named groups (`count`, `count2`…) as the text's variables, the trailing digit dropped. */
function variables(match: RegExpExecArray): Record<string, string> {
  return Object.fromEntries(
    Object.entries(match.groups ?? {}).flatMap(([name, value]) =>
      value === undefined ? [] : [[name.replace(/\d$/, ''), value]],
    ),
  );
}

function translate<Group extends 'fields' | 'details'>(
  group: Group,
  patterns: readonly (readonly [RegExp, Key<Group>])[],
  text: string,
): string | undefined {
  for (const [pattern, key] of patterns) {
    const match = pattern.exec(text);
    if (match) return say(`problems:${group}.${String(key)}`, variables(match));
  }
  return undefined;
}

/** One field's message in the user's language; an unknown one stays as the server wrote it. */
export const fieldText = (message: string): string => translate('fields', fieldPatterns, message) ?? message;

// A body from something else than the API (a proxy) may lack any field: read it loosely.
const problemTypeOf = (problem: Problem) => String(problem.type ?? '').replace(/^urn:panoramix:problem:/, '') as ProblemType;
const typeKnown = (type: string): type is ProblemType => i18n.exists(`problems:types.${type}`);
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/** The last named part of a field's path: `body.memberIds.0` → `memberIds`. */
const fieldName = (path: string) =>
  path
    .split('.')
    .filter((part) => part !== 'body' && part !== 'query' && part !== 'params' && !/^\d+$/.test(part))
    .pop() ?? path;

/**
 * What to tell the user about a refusal: each invalid field, else the detail when it says more
 * than its type, else the type's own text; a problem of a type this client does not know keeps
 * the server's words.
 */
export function problemText(problem: Problem): string {
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  if (errors.length === 1 && errors[0]) return sentence(fieldText(errors[0].message));
  if (errors.length > 1) {
    return errors.map((e) => say('problems:fieldLine', { field: fieldName(e.path), message: fieldText(e.message) })).join(' ; ');
  }
  const detail = problem.detail ? translate('details', detailPatterns, problem.detail) : undefined;
  if (detail) return detail;
  const type = problemTypeOf(problem);
  if (typeKnown(type)) return say(`problems:types.${type}`, { requestId: problem.requestId ?? '—' });
  return problem.detail ?? problem.title ?? i18n.t('errors.unexpected');
}

/**
 * An answer without a problem body (a proxy's HTML page: nginx's 502 while the API restarts, its
 * 413 for an upload too large) said as the problem it stands for.
 */
export function statusText(status: number): string {
  if (status === 413) return say('problems:types.payload-too-large');
  if (status === 429) return say('problems:types.rate-limited');
  if (status >= 500) return say('problems:types.service-unavailable');
  return say('errors.unexpected');
}
