import { z } from 'zod';
import { idParams, isoDateTime, objectId, ownedFields, page, pageQuery } from './common.ts';
import { defineRoute } from './http.ts';

/** A budget import file may weigh this much; a larger one answers 413 before anything is parsed. */
export const BUDGET_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** A calendar day, `YYYY-MM-DD` (no time zone: a bank statement's day is the day it shows). */
export const budgetDay = z.iso.date().meta({ example: '2026-11-25' });

/** Money is integer cents everywhere (never floats): 12,34 € is 1234. */
export const cents = z.number().int().min(-1e12).max(1e12).meta({ description: 'Integer cents', example: 1234 });

export const budgetDepartments = ['tech', 'product', 'other', 'parked'] as const;
export const budgetDepartment = z.enum(budgetDepartments, { error: `must be one of ${budgetDepartments.join(', ')}` });
export type BudgetDepartment = z.infer<typeof budgetDepartment>;

/** Teams are the company's own short names, kept lowercase (Panorama: lemapp, sre, data…). */
export const budgetTeam = z.string().trim().toLowerCase().min(1, 'must not be empty').max(40, 'must be at most 40 characters');

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');

export const budgetLine = ownedFields
  .extend({
    date: z.string().meta({ description: '`YYYY-MM-DD`; empty when the source had no readable date' }),
    vendor: z.string(),
    label: z.string().meta({ description: "The bank's wording or the line's description" }),
    amountCents: cents.meta({ description: 'Amount including VAT, integer cents; an expense is positive' }),
    vatCents: cents.nullable(),
    currency: z.string(),
    category: z.string(),
    autoCategory: z.string(),
    analyticsCategory: z.string(),
    analyticsWeight: z.number().nullable(),
    department: budgetDepartment.nullable(),
    team: z.string().nullable(),
    projectId: objectId.nullable().meta({ description: 'A project of mine it is charged to; the line stays private' }),
    invoiceId: z.string(),
    invoiceNumber: z.string(),
    publicFileUrl: z.string(),
    sourceRef: z.string().meta({ description: "The bank's transaction id (OFX FITID, CAMT AcctSvcrRef/EndToEndId), if any" }),
    notes: z.string(),
    source: z.enum(['manual', 'import']),
    importId: objectId.nullable().meta({ description: 'The import that brought it in, if any' }),
    importFile: z.string(),
    reconciledAt: isoDateTime.nullable().meta({
      description: 'When a line entered by hand was matched with the bank’s line (the bank’s date won)',
    }),
  })
  .meta({ id: 'BudgetLine' });
export type BudgetLine = z.infer<typeof budgetLine>;

/** The fields a person can set on a line; the server keeps the rest. */
const lineFields = {
  date: budgetDay,
  vendor: text(200).min(1, 'must not be empty'),
  label: text(500),
  amountCents: cents,
  vatCents: cents.nullable(),
  currency,
  category: text(100),
  analyticsCategory: text(100),
  analyticsWeight: z.number().min(0).max(1).nullable(),
  department: budgetDepartment.nullable(),
  team: budgetTeam.nullable(),
  projectId: objectId.nullable(),
  invoiceId: text(200),
  invoiceNumber: text(200),
  publicFileUrl: text(2048),
  notes: text(5000),
};

export const createBudgetLineBody = z.strictObject({
  ...lineFields,
  label: lineFields.label.default(''),
  vatCents: lineFields.vatCents.default(null),
  currency: lineFields.currency.default('EUR'),
  category: lineFields.category.default(''),
  analyticsCategory: lineFields.analyticsCategory.default(''),
  analyticsWeight: lineFields.analyticsWeight.default(null),
  department: lineFields.department.optional().meta({ description: "The vendor's when omitted" }),
  team: lineFields.team.optional().meta({ description: "The vendor's when omitted" }),
  projectId: lineFields.projectId.default(null),
  invoiceId: lineFields.invoiceId.default(''),
  invoiceNumber: lineFields.invoiceNumber.default(''),
  publicFileUrl: lineFields.publicFileUrl.default(''),
  notes: lineFields.notes.default(''),
});

const somethingToUpdate = <T extends z.ZodObject>(schema: T) =>
  schema.refine((b) => Object.keys(b).length > 0, 'nothing to update').meta({ minProperties: 1 }); // the refine, as the JSON schema can say it

export const updateBudgetLineBody = somethingToUpdate(z.strictObject(lineFields).partial());

export const budgetLineSorts = ['date-desc', 'date-asc', 'amount-desc', 'amount-asc'] as const;

export const listBudgetLinesQuery = pageQuery.extend({
  from: budgetDay.optional().meta({ description: 'First day included' }),
  to: budgetDay.optional().meta({ description: 'Last day included' }),
  vendor: z.string().trim().min(1).max(200).optional().meta({ description: 'Exact vendor, case and spacing ignored' }),
  category: z.string().trim().min(1).max(100).optional(),
  team: budgetTeam.optional(),
  projectId: objectId.optional(),
  importId: objectId.optional(),
  minCents: z.coerce.number().int().optional().meta({ description: 'Smallest amount included, cents' }),
  maxCents: z.coerce.number().int().optional().meta({ description: 'Largest amount included, cents' }),
  q: z.string().trim().min(1).max(200).optional().meta({ description: 'Case-insensitive match on vendor, label or notes' }),
  sort: z.enum(budgetLineSorts).default('date-desc'),
});

export const bulkEditBudgetLinesBody = z.strictObject({
  ids: z.array(objectId).min(1, 'must not be empty').max(1000),
  set: somethingToUpdate(
    z.strictObject({ category: lineFields.category, team: lineFields.team, department: lineFields.department }).partial(),
  ),
});

export const removeBudgetLineQuery = z.strictObject({
  ignore: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ description: 'Also put the line on the ignore list, so a later import skips it' }),
});

export const budgetCount = z.object({ count: z.number().int() });

export const duplicateMatchKinds = ['hash', 'invoiceNumber', 'sumVendorDate', 'fuzzyVendorAmount', 'none'] as const;
export const budgetDuplicates = z
  .object({
    matchKind: z.enum(duplicateMatchKinds).meta({
      description:
        'The first rule of the cascade that matched: same key (date|amount|vendor), same invoice number, ' +
        'same vendor within ±2 days whose amounts add up to this one, or (information only) similar vendor and amount',
    }),
    candidates: z.array(budgetLine),
  })
  .meta({ id: 'BudgetDuplicates' });

/** One pair of the *Vérifier* list. */
export const budgetReviewItem = z.object({ line: budgetLine, duplicates: budgetDuplicates });
export const budgetReview = z.object({ items: z.array(budgetReviewItem) });

/** *Garder les deux*: two lines of mine that are not duplicates, never offered together again. */
export const keepBudgetPairBody = z.strictObject({
  lineId: objectId,
  otherId: objectId.meta({ description: 'Another line than `lineId` (the same twice answers 400)' }),
});
export const budgetPairKept = z.object({ lineId: objectId, otherId: objectId });

/** *Fusionner*: `keepId` takes the fields it lacks from `removeId`, which goes to the trash. */
export const mergeBudgetLinesBody = z.strictObject({
  keepId: objectId,
  removeId: objectId.meta({ description: 'Another line than `keepId` (the same twice answers 400)' }),
});
export const budgetMerge = z
  .object({
    id: objectId.meta({ description: 'Undo it with `POST /api/budget/review/merges/:id/undo`' }),
    line: budgetLine.meta({ description: 'The kept line, with the fields it took' }),
    removedId: objectId,
    filled: z.array(z.string()).meta({ description: 'The fields the kept line took from the other' }),
  })
  .meta({ id: 'BudgetMerge' });

// ── Imports ──────────────────────────────────────────────────────────────────────────────

/**
 * `bank`: a statement's sign, money out is negative (expenses are stored positive, so it flips);
 * `expense`: an invoice list's, an expense is positive.
 */
export const budgetAmountSign = z.enum(['bank', 'expense']);

export const budgetImportFormats = ['csv', 'xlsx', 'ofx', 'qif', 'camt053'] as const;
export const budgetImportStatuses = ['preview', 'queued', 'running', 'done', 'failed', 'undone'] as const;
export const budgetDateFormats = ['ymd', 'dmy', 'mdy'] as const;

/** Column indexes (0-based) of a table's fields; null when the file has no such column. */
export const budgetColumnMapping = z
  .strictObject({
    date: z.number().int().min(0).nullable(),
    amount: z.number().int().min(0).nullable(),
    debit: z.number().int().min(0).nullable(),
    credit: z.number().int().min(0).nullable(),
    vendor: z.number().int().min(0).nullable(),
    label: z.number().int().min(0).nullable(),
    id: z.number().int().min(0).nullable(),
    currency: z.number().int().min(0).nullable(),
    vat: z.number().int().min(0).nullable(),
    invoiceNumber: z.number().int().min(0).nullable(),
    category: z.number().int().min(0).nullable(),
  })
  // The path names the missing column; an amount may come from debit and credit columns, a vendor from the label.
  .refine((m) => m.date !== null, { message: 'is required', path: ['date'] })
  .refine((m) => m.amount !== null || m.debit !== null || m.credit !== null, { message: 'is required', path: ['amount'] })
  .refine((m) => m.vendor !== null || m.label !== null, { message: 'is required', path: ['vendor'] })
  .meta({ id: 'BudgetColumnMapping' });
export type BudgetColumnMapping = z.infer<typeof budgetColumnMapping>;

const sample = z.object({ row: z.number().int(), text: z.string(), reason: z.string() });

export const budgetImport = ownedFields
  .extend({
    fileName: z.string(),
    format: z.enum(budgetImportFormats),
    status: z.enum(budgetImportStatuses),
    encoding: z
      .string()
      .nullable()
      .meta({ description: 'Detected text encoding (utf-8, windows-1252); null for binary formats' }),
    delimiter: z.string().nullable().meta({ description: 'CSV only' }),
    dateFormat: z.enum(budgetDateFormats).nullable().meta({ description: 'Day order of numeric dates (tables)' }),
    decimalSeparator: z.enum([',', '.']).nullable().meta({ description: 'Tables only' }),
    amountSign: budgetAmountSign.nullable().meta({ description: 'Tables only: how the amount column signs an expense' }),
    headers: z.array(z.string()).meta({ description: 'The header row (tables) or the fields a statement carries' }),
    sampleRows: z.array(z.array(z.string())).meta({ description: 'The first rows as read' }),
    mapping: budgetColumnMapping.nullable().meta({ description: 'Tables: the guessed or remembered columns' }),
    mappingRemembered: z.boolean().meta({ description: 'The mapping is the one applied to a file with the same header row' }),
    preview: z.array(
      z.object({ date: z.string(), vendor: z.string(), label: z.string(), amountCents: z.number().int().nullable() }),
    ),
    rowCount: z.number().int(),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    report: z
      .object({
        imported: z.number().int(),
        reconciled: z.number().int().meta({ description: 'Lines entered by hand matched with a bank line' }),
        duplicates: z.number().int(),
        ignored: z.number().int(),
        unparseable: z.number().int(),
        samples: z.object({ duplicates: z.array(sample), ignored: z.array(sample), unparseable: z.array(sample) }),
      })
      .nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'BudgetImport' });
export type BudgetImport = z.infer<typeof budgetImport>;

export const uploadBudgetImportFields = z.strictObject({});

export const applyBudgetImportBody = z.strictObject({
  mapping: budgetColumnMapping.optional().meta({ description: 'Tables: the adjusted mapping (the preview’s by default)' }),
  dateFormat: z.enum(budgetDateFormats).optional(),
  decimalSeparator: z.enum([',', '.']).optional(),
  amountSign: budgetAmountSign.optional(),
});

// ── Vendors ──────────────────────────────────────────────────────────────────────────────

export const budgetVendor = z
  .object({
    vendor: z.string(),
    lineCount: z.number().int(),
    totalCents: z.number().int(),
    department: budgetDepartment.nullable(),
    team: z.string().nullable(),
  })
  .meta({ id: 'BudgetVendor' });

export const setVendorRuleBody = z
  .strictObject({
    vendor: lineFields.vendor,
    department: lineFields.department.optional(),
    team: lineFields.team.optional(),
  })
  .refine((b) => b.department !== undefined || b.team !== undefined, 'nothing to update')
  .meta({ minProperties: 2 });

export const renameVendorBody = z.strictObject({
  from: lineFields.vendor,
  to: lineFields.vendor,
});

export const budgetIgnore = ownedFields
  .extend({
    type: z.enum(['vendor', 'line']),
    vendorName: z.string(),
    dedupeKey: z.string().meta({ description: 'type line: the key of the ignored line' }),
    sourceRef: z.string(),
  })
  .meta({ id: 'BudgetIgnore' });
export type BudgetIgnore = z.infer<typeof budgetIgnore>;

export const createBudgetIgnoreBody = z.strictObject({ vendorName: lineFields.vendor });

// ── Summaries ────────────────────────────────────────────────────────────────────────────

export const budgetSummaryGroups = ['month-vendor', 'vendor', 'team', 'category', 'project', 'month'] as const;
export const budgetSummaryQuery = z.strictObject({
  by: z.enum(budgetSummaryGroups),
  from: budgetDay.optional(),
  to: budgetDay.optional(),
});
export const budgetSummary = z
  .object({
    by: z.enum(budgetSummaryGroups),
    rows: z.array(
      z.object({
        month: z.string().nullable().meta({ description: '`YYYY-MM` when grouped by month' }),
        key: z.string().nullable().meta({ description: 'The vendor, team, category or project id; null when unset' }),
        totalCents: z.number().int(),
        vatCents: z.number().int(),
        count: z.number().int(),
      }),
    ),
    totalCents: z.number().int(),
    count: z.number().int(),
  })
  .meta({ id: 'BudgetSummary' });

const tags = ['budget'] as const;
const lineParams = idParams;

export const budgetLineRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/budget/lines',
    summary: 'My expense lines, filtered and sorted',
    tags,
    access: 'user',
    query: listBudgetLinesQuery,
    response: page(budgetLine),
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/budget/lines',
    summary: 'Enter an expense line by hand (it takes its vendor’s department and team when not given)',
    tags,
    access: 'user',
    body: createBudgetLineBody,
    status: 201,
    response: budgetLine,
    idempotent: true,
    errors: [404],
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/budget/lines/:id',
    summary: 'One expense line',
    tags,
    access: 'user',
    params: lineParams,
    response: budgetLine,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/budget/lines/:id',
    summary: 'Edit an expense line',
    tags,
    access: 'user',
    params: lineParams,
    body: updateBudgetLineBody,
    response: budgetLine,
  }),
  bulkEdit: defineRoute({
    method: 'post',
    path: '/api/budget/lines/bulk',
    summary: 'Set the category, team or department of a selection of lines (ids not mine are left out)',
    tags,
    access: 'user',
    body: bulkEditBudgetLinesBody,
    response: budgetCount,
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/budget/lines/:id',
    summary: 'Delete a line (restorable for 30 days); `ignore=true` also skips it in later imports',
    tags,
    access: 'user',
    params: lineParams,
    query: removeBudgetLineQuery,
    status: 204,
  }),
  restore: defineRoute({
    method: 'post',
    path: '/api/budget/lines/:id/restore',
    summary: 'Undo the deletion of a line (and take it off the ignore list)',
    tags,
    access: 'user',
    params: lineParams,
    response: budgetLine,
  }),
  duplicates: defineRoute({
    method: 'get',
    path: '/api/budget/lines/:id/duplicates',
    summary: 'Lines this one may duplicate, by the first rule of the cascade that matches',
    tags,
    access: 'user',
    params: lineParams,
    response: budgetDuplicates,
  }),
  review: defineRoute({
    method: 'get',
    path: '/api/budget/review',
    summary: 'The Vérifier list: lines with a possible duplicate (information-only matches left out)',
    tags,
    access: 'user',
    response: budgetReview,
  }),
  keepPair: defineRoute({
    method: 'post',
    path: '/api/budget/review/keep',
    summary: 'Garder les deux: the two lines are not duplicates, the Vérifier list never shows them together again',
    tags,
    access: 'user',
    body: keepBudgetPairBody,
    status: 204,
    errors: [404],
  }),
  merge: defineRoute({
    method: 'post',
    path: '/api/budget/review/merge',
    summary: 'Fusionner: keep one line, give it the fields it lacks from the other, move the other to the trash (undoable)',
    tags,
    access: 'user',
    body: mergeBudgetLinesBody,
    status: 201,
    response: budgetMerge,
    errors: [404],
  }),
  undoMerge: defineRoute({
    method: 'post',
    path: '/api/budget/review/merges/:id/undo',
    summary: 'Undo a merge: the removed line comes back from the trash and the kept line loses the fields it took',
    tags,
    access: 'user',
    params: idParams,
    response: budgetLine,
  }),
};

export const budgetImportRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/budget/imports',
    summary: 'My imports, newest first',
    tags,
    access: 'user',
    query: pageQuery,
    response: page(budgetImport),
  }),
  upload: defineRoute({
    method: 'post',
    path: '/api/budget/imports',
    summary:
      'Upload a bank or spreadsheet file (multipart, part `file`: CSV, XLSX, OFX/QFX, QIF, CAMT.053) and get its preview; nothing is imported yet',
    tags,
    access: 'user',
    body: uploadBudgetImportFields,
    upload: { field: 'file', maxBytes: BUDGET_IMPORT_MAX_BYTES },
    status: 201,
    response: budgetImport,
    errors: [413, 415],
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/budget/imports/:id',
    summary: 'One import: its preview, progress and report',
    tags,
    access: 'user',
    params: idParams,
    response: budgetImport,
  }),
  apply: defineRoute({
    method: 'post',
    path: '/api/budget/imports/:id/apply',
    summary: 'Import the previewed file with the adjusted mapping, as a background job (progress in `budgetImport.updated`)',
    tags,
    access: 'user',
    params: idParams,
    body: applyBudgetImportBody,
    status: 202,
    response: budgetImport,
    errors: [409],
  }),
  undo: defineRoute({
    method: 'post',
    path: '/api/budget/imports/:id/undo',
    summary: 'Delete every line the import brought in (lines it reconciled get their own date back)',
    tags,
    access: 'user',
    params: idParams,
    response: budgetImport,
    errors: [409],
  }),
};

export const budgetVendorRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/budget/vendors',
    summary: 'My vendors with their line count, total, department and team',
    tags,
    access: 'user',
    response: z.object({ items: z.array(budgetVendor) }),
  }),
  setRule: defineRoute({
    method: 'put',
    path: '/api/budget/vendors/rule',
    summary:
      'Set a vendor’s department or team: applied to its lines that are not parked and inherited by its new lines; parking removes the team, a team means tech',
    tags,
    access: 'user',
    body: setVendorRuleBody,
    response: budgetCount,
  }),
  rename: defineRoute({
    method: 'post',
    path: '/api/budget/vendors/rename',
    summary: 'Rename a vendor, or merge one spelling into another, on every line',
    tags,
    access: 'user',
    body: renameVendorBody,
    response: budgetCount,
  }),
  ignores: defineRoute({
    method: 'get',
    path: '/api/budget/ignores',
    summary: 'My ignore list: vendors and lines that imports skip',
    tags,
    access: 'user',
    response: z.object({ items: z.array(budgetIgnore) }),
  }),
  ignore: defineRoute({
    method: 'post',
    path: '/api/budget/ignores',
    summary: 'Skip a vendor in every later import',
    tags,
    access: 'user',
    body: createBudgetIgnoreBody,
    status: 201,
    response: budgetIgnore,
  }),
  unignore: defineRoute({
    method: 'delete',
    path: '/api/budget/ignores/:id',
    summary: 'Take an entry off the ignore list',
    tags,
    access: 'user',
    params: idParams,
    status: 204,
  }),
};

export const budgetSummaryRoutes = {
  summary: defineRoute({
    method: 'get',
    path: '/api/budget/summary',
    summary: 'Totals of my lines over a range, by month × vendor, vendor, team, category, project or month',
    tags,
    access: 'user',
    query: budgetSummaryQuery,
    response: budgetSummary,
  }),
};

export const budgetLineDeleted = z.object({ id: objectId });

export const budgetLinesChanged = z.object({
  reason: z.enum(['bulk', 'import', 'undo', 'vendor']),
  count: z.number().int(),
});
