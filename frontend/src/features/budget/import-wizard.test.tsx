import type { BudgetImport } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { authorizedFetch } from '../../api/files.ts';
import { navigate } from '../../lib/location.ts';
import { entityBase } from '../../test-builders.ts';
import { budgetEvents, budgetKeys } from './budget-cache.ts';
import ImportWizard from './import-wizard.tsx';
import './messages.ts';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));
vi.mock('../../api/files.ts', () => ({ authorizedFetch: vi.fn() }));

/** A French bank CSV as the server previews it: `Date;Libellé;Débit;Crédit`, columns guessed. */
function aPreview(overrides: Partial<BudgetImport> = {}): BudgetImport {
  const { n: _n, ...base } = entityBase();
  return {
    ...base,
    fileName: 'bnp-export-semicolon-cp1252.csv',
    format: 'csv',
    status: 'preview',
    encoding: 'windows-1252',
    delimiter: ';',
    dateFormat: 'dmy',
    decimalSeparator: ',',
    amountSign: 'bank',
    headers: ['Date', 'Libellé', 'Tiers', 'Débit', 'Crédit'],
    sampleRows: [['03/11/2026', 'PRLV FREE MOBILE', 'Free', '-19,99', '']],
    mapping: {
      date: 0,
      amount: null,
      debit: 3,
      credit: 4,
      vendor: 1,
      label: 1,
      id: null,
      currency: null,
      vat: null,
      invoiceNumber: null,
      category: null,
    },
    mappingRemembered: true,
    preview: [{ date: '2026-11-03', vendor: 'PRLV FREE MOBILE', label: 'PRLV FREE MOBILE', amountCents: 1999 }],
    rowCount: 3,
    progress: { done: 0, total: 0 },
    report: null,
    error: null,
    ...overrides,
  };
}

const callMock = vi.mocked(call);
const fetchMock = vi.mocked(authorizedFetch);
const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const callsTo = (path: string) => callMock.mock.calls.filter(([route]) => (route as { path: string }).path === path);

function renderWizard() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <ImportWizard />
    </QueryClientProvider>,
  );
  return queryClient;
}
const drop = (name: string) =>
  fireEvent.change(screen.getByTestId('budget-import-file'), { target: { files: [new File(['x'], name)] } });

beforeEach(() => {
  navigate('/budget/import');
  callMock.mockReset();
  fetchMock.mockReset();
  callMock.mockImplementation(async (route) => {
    if ((route as { path: string }).path === '/api/budget/imports' && (route as { method: string }).method === 'get') {
      return { items: [], nextCursor: null } as never;
    }
    throw new Error(`unexpected call to ${(route as { path: string }).path}`);
  });
});

describe('budget import wizard', () => {
  it('says in French what is wrong with a file the server refuses, and stays on the drop step', async () => {
    fetchMock.mockResolvedValue(
      json(
        400,
        {
          type: 'urn:panoramix:problem:validation-error',
          title: 'Invalid request',
          status: 400,
          errors: [{ path: 'body.file', message: 'is a binary file, not text' }],
        },
        'application/problem+json',
      ),
    );
    renderWizard();
    drop('photo.csv');
    expect((await screen.findByRole('alert')).textContent).toContain('Ce fichier est binaire, pas du texte.');
    expect((screen.getByRole('button', { name: 'Choisir un fichier' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('previews what was detected, applies the adjusted mapping, shows live progress, the report, and undoes with confirmation', async () => {
    const preview = aPreview();
    fetchMock.mockResolvedValue(json(201, preview));
    const queryClient = renderWizard();
    drop('bnp-export-semicolon-cp1252.csv');

    expect(await screen.findByText('windows-1252')).toBeTruthy();
    expect(screen.getByText('point-virgule (;)')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('Correspondance reprise');
    expect(within(screen.getByRole('table', { name: 'Aperçu des lignes lues' })).getByText(/19,99/)).toBeTruthy();
    // The vendor is in the "Tiers" column, not the label: the user says so.
    fireEvent.change(screen.getByLabelText('Fournisseur'), { target: { value: '2' } });
    expect(screen.getByRole('columnheader', { name: /Tiers/ }).textContent).toContain('Fournisseur');

    let server: BudgetImport = preview; // what the server holds, read back by a refetch
    callMock.mockImplementation(async (route) => {
      const { path, method } = route as { path: string; method: string };
      if (path.endsWith('/apply')) server = { ...preview, status: 'queued' };
      if (path.endsWith('/undo')) server = { ...server, status: 'undone' };
      return (method === 'get' && path === '/api/budget/imports' ? { items: [server], nextCursor: null } : server) as never;
    });
    fireEvent.click(screen.getByRole('button', { name: 'Importer 3 lignes' }));
    await screen.findByRole('progressbar', { name: 'Progression de l’import' });
    const [[, applied]] = callsTo('/api/budget/imports/:id/apply') as [[unknown, { body: { mapping: { vendor: number } } }]];
    expect(applied.body).toMatchObject({ mapping: { vendor: 2, label: 1, debit: 3, credit: 4 }, dateFormat: 'dmy' });

    // Progress and the report arrive as budgetImport.updated events.
    const event = (doc: BudgetImport) => {
      server = doc;
      act(() => budgetEvents['budgetImport.updated']!(queryClient, doc));
    };
    event({ ...preview, status: 'running', progress: { done: 2, total: 3 } });
    expect(await screen.findByText('2 / 3 lignes traitées')).toBeTruthy();
    event({
      ...preview,
      status: 'done',
      progress: { done: 3, total: 3 },
      report: {
        imported: 2,
        reconciled: 0,
        duplicates: 1,
        ignored: 0,
        unparseable: 0,
        samples: {
          duplicates: [{ row: 3, text: '03/11/2026;PRLV FREE MOBILE;;-19,99;', reason: 'duplicate' }],
          ignored: [],
          unparseable: [],
        },
      },
    });
    const report = await screen.findByRole('list', { name: 'Compte rendu' });
    expect([...report.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '2 lignes importées',
      '1 doublon ignoré',
      '0 ligne illisible',
    ]);
    expect(screen.getByText('Exemples de doublons')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Annuler l’import' }));
    const dialog = await screen.findByRole('dialog');
    expect(callsTo('/api/budget/imports/:id/undo')).toHaveLength(0); // nothing before the confirmation
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler l’import' }));
    expect(await screen.findByText('Import annulé : ses lignes ont été retirées.')).toBeTruthy();
    expect(callsTo('/api/budget/imports/:id/undo')).toHaveLength(1);
    expect(queryClient.getQueryData<BudgetImport>(budgetKeys.import(preview.id))?.status).toBe('undone');
    expect(window.location.search).toBe(`?import=${preview.id}`); // a reload finds the import again
  });
});
