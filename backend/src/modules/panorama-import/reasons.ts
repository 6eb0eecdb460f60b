import type { PanoramaImportReasonCode } from '@panoramix/contracts';

/** Why a document was fixed, held or skipped: the report keeps the code, the panel translates it. */
export interface Reason {
  code: PanoramaImportReasonCode;
  params?: Record<string, string>;
}

type Params = Record<string, string>;

/** The English text of each reason, as the CLI prints it and the report keys it. */
const texts: Record<PanoramaImportReasonCode, (p: Params) => string> = {
  noCreatedAt: () => 'no createdAt (set to 1970-01-01)',
  noStatus: () => 'no status (set to todo)',
  unknownStatus: (p) => `unknown status ${p.value} (set to todo, kept under extra.status)`,
  assigneeNoAccount: () => 'assignee with no account here (cleared, kept under extra)',
  memberNoAccount: () => 'member with no account here (kept as pending)',
  unknownPanoramaStatus: (p) => `unknown panoramaStatus ${p.value} (kept under extra)`,
  noteNoTitle: () => 'no title (set to "Sans titre")',
  situationNoTitle: () => 'no title (set to "New Situation")',
  secondActor: () => 'second actor for the same person in a situation (person link cleared, kept under extra.personId)',
  actorNoName: () => 'no name (set to "?")',
  questionWithoutText: () => 'question without text (kept under extra.questions)',
  budgetDateNotIso: () => 'date not YYYY-MM-DD (set to "", kept under extra.date)',
  githubUsernameMerged: () => 'legacy githubUsername merged into githubUsernames',
  sameNormalizedName: () => 'same normalizedName as another person (not merged)',
  dangling: (p) => `dangling ${p.field} (cleared)`,
  noNextTriggerAt: () => 'no nextTriggerAt',
  unknownRecurrence: () => 'unknown recurrence',
  situationNotInArchive: () => 'situation not in the archive',
  actorNotInArchive: () => 'actor not in the archive',
  secondQuestions: () => 'a second questions document for the same actor',
  secondSummary: () => 'a second summary for the same situation',
  vendorIgnoreNoName: () => 'ignore entry without a vendor name',
  sessionNotInArchive: () => 'session not in the archive',
  noStoreChats: () => 'AI chat history has no store here',
  noStoreErrors: () => "Panorama's error log has no store here",
  noStoreVendorsCache: () => 'Pennylane supplier names have no store here',
  appPreferencesKept: () => "Panorama's instance settings, secrets taken out: kept for reference, never applied here",
  unknownCollection: () => 'unknown collection',
  refusedByModel: (p) => `refused by the model (${p.detail}), kept in panorama_pending`,
  idTaken: () => "id taken by another user's document (this archive imported for someone else)",
};

export const reason = (code: PanoramaImportReasonCode, params?: Params): Reason => (params ? { code, params } : { code });

export const reasonText = (r: Reason) => texts[r.code](r.params ?? {});
