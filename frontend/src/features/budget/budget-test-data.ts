import type { BudgetLine } from '@panoramix/contracts';
import { entityBase } from '../../test-builders.ts';

/** A line entered by hand, for the tests of this folder. */
export function aLine(overrides: Partial<BudgetLine> = {}): BudgetLine {
  const { n, ...base } = entityBase();
  return {
    ...base,
    date: '2026-11-20',
    vendor: `Vendor ${n}`,
    label: '',
    amountCents: 1000,
    vatCents: null,
    currency: 'EUR',
    category: '',
    autoCategory: '',
    analyticsCategory: '',
    analyticsWeight: null,
    department: null,
    team: null,
    projectId: null,
    invoiceId: '',
    invoiceNumber: '',
    publicFileUrl: '',
    sourceRef: '',
    notes: '',
    source: 'manual',
    importId: null,
    importFile: '',
    reconciledAt: null,
    ...overrides,
  };
}
