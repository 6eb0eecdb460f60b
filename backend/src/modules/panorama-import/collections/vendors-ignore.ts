import { normalizeVendor } from '../../budget/dedup.ts';
import { BudgetIgnoreModel } from '../../budget/ignores.model.ts';
import { Hold } from '../mapping.ts';
import type { Mapping } from '../mapping.ts';
import { COMMON_FIELDS, text, timestamps } from '../mapping.ts';
import { reason } from '../reasons.ts';

/**
 * Panorama ignores a supplier or a vendor name; ours ignores a vendor by name. An entry with no
 * name (a Pennylane supplier id, a file URL) has no equivalent here and is held.
 */
export const vendorsIgnoreMapping: Mapping = {
  collection: 'vendorsIgnore',
  model: BudgetIgnoreModel,
  known: [...COMMON_FIELDS, 'type', 'vendorName', 'vendorNameLower'],
  map(doc, ctx) {
    const vendorName = text(doc.vendorName).trim();
    if (vendorName === '') return new Hold(reason('vendorIgnoreNoName'));
    return {
      type: 'vendor',
      vendorName,
      vendorKey: normalizeVendor(vendorName),
      dedupeKey: '',
      sourceRef: '',
      lineId: null,
      ...timestamps(doc, ctx),
      ...(doc.type === undefined ? {} : { extra: { type: doc.type } }),
    };
  },
};
