import type { BudgetLine } from '@panoramix/contracts';
import { idOrNull, isoOrNull, ownedBase } from '../../../lib/dto.ts';
import { dedupeKey, normalizeVendor } from '../dedup.ts';
import type { ExistingLine } from '../dedup.ts';
import type { BudgetLineDoc } from './model.ts';

export const toBudgetLineDto = (l: BudgetLineDoc): BudgetLine => ({
  ...ownedBase(l),
  date: l.date,
  vendor: l.vendor,
  label: l.label,
  amountCents: l.amountCents,
  vatCents: l.vatCents ?? null,
  currency: l.currency,
  category: l.category,
  autoCategory: l.autoCategory,
  analyticsCategory: l.analyticsCategory,
  analyticsWeight: l.analyticsWeight ?? null,
  department: (l.department as BudgetLine['department']) ?? null,
  team: l.team ?? null,
  projectId: idOrNull(l.projectId),
  invoiceId: l.invoiceId,
  invoiceNumber: l.invoiceNumber,
  publicFileUrl: l.publicFileUrl,
  sourceRef: l.sourceRef,
  notes: l.notes,
  source: l.source as BudgetLine['source'],
  importId: idOrNull(l.importId),
  importFile: l.importFile,
  reconciledAt: isoOrNull(l.reconciledAt),
});

/** The fields every write derives from date, vendor and amount: filters, summaries and dedup read them. */
export const derivedFields = (line: { date: string; vendor: string; amountCents: number }) => ({
  month: line.date.slice(0, 7),
  vendorKey: normalizeVendor(line.vendor),
  dedupeKey: dedupeKey(line),
});

/** What dedup reads of a stored line; the projection that reads it is `dedupFields`. */
export const toExistingLine = (l: Pick<BudgetLineDoc, DedupField> & { _id: unknown }): ExistingLine => ({
  id: String(l._id),
  date: l.date,
  amountCents: l.amountCents,
  vendor: l.vendor,
  sourceRef: l.sourceRef,
  source: l.source as ExistingLine['source'],
  reconciled: l.reconciledAt !== null && l.reconciledAt !== undefined,
  invoiceNumber: l.invoiceNumber,
});

type DedupField = 'date' | 'amountCents' | 'vendor' | 'sourceRef' | 'source' | 'reconciledAt' | 'invoiceNumber';
/** Dedup's fields, and the vendor rule's: an import reads the user's lines once for both. */
export const dedupFields = {
  vendorKey: 1,
  department: 1,
  team: 1,
  updatedAt: 1,
  date: 1,
  amountCents: 1,
  vendor: 1,
  sourceRef: 1,
  source: 1,
  reconciledAt: 1,
  invoiceNumber: 1,
} as const;
