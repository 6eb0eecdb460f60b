import { dedupeKey, normalizeVendor } from '../../budget/dedup.ts';
import { BudgetLineModel } from '../../budget/lines/model.ts';
import { budgetSearch } from '../../budget/search.ts';
import type { Mapping } from '../mapping.ts';
import { COMMON_FIELDS, dateOrNull, numberOrNull, text, textOrNull, timestamps } from '../mapping.ts';
import { reason } from '../reasons.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Panorama's `importBatch` (a `batch_<ms>` name, no document of its own) stays under extra. */
export const budgetLinesMapping: Mapping = {
  collection: 'budgetLines',
  model: BudgetLineModel,
  searchKind: budgetSearch.kind,
  known: [
    ...COMMON_FIELDS,
    ...['date', 'vendor', 'category', 'autoCategory', 'analyticsCategory', 'analyticsWeight', 'amountCents'],
    ...['vatCents', 'currency', 'projectId', 'invoiceId', 'invoiceNumber', 'publicFileUrl', 'sourceRef', 'notes'],
    ...['department', 'team', 'importFile', 'importedAt', 'dedupeHash'],
  ],
  map(doc, ctx) {
    // Kept as the string it is: a day, or '' when Panorama could not read it.
    const date = typeof doc.date === 'string' && DAY.test(doc.date) ? doc.date : '';
    if (date === '' && doc.date !== '') ctx.fix(reason('budgetDateNotIso'));
    const vendor = text(doc.vendor);
    const amountCents = numberOrNull(doc.amountCents) ?? 0;
    return {
      date,
      month: date.slice(0, 7),
      vendor,
      vendorKey: normalizeVendor(vendor),
      amountCents,
      vatCents: numberOrNull(doc.vatCents),
      currency: text(doc.currency) || 'EUR',
      category: text(doc.category),
      autoCategory: text(doc.autoCategory),
      analyticsCategory: text(doc.analyticsCategory),
      analyticsWeight: numberOrNull(doc.analyticsWeight),
      department: textOrNull(doc.department),
      team: textOrNull(doc.team),
      projectId: ctx.ref('projects', doc.projectId, 'projectId'),
      invoiceId: text(doc.invoiceId),
      invoiceNumber: text(doc.invoiceNumber),
      publicFileUrl: text(doc.publicFileUrl),
      sourceRef: text(doc.sourceRef),
      notes: text(doc.notes),
      source: 'import',
      importFile: text(doc.importFile),
      importedAt: dateOrNull(doc.importedAt),
      dedupeKey: dedupeKey({ date, amountCents, vendor }),
      ...timestamps(doc, ctx),
      ...(date === '' && doc.date !== '' ? { extra: { date: doc.date } } : {}),
    };
  },
};
