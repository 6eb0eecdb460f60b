import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { PanoramaImportReport } from '@panoramix/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportView } from './report-view.tsx';
import './messages.ts';

afterEach(cleanup);

const report: PanoramaImportReport = {
  archive: 'panorama.ndjson.gz',
  username: 'alice',
  startedAt: '2026-12-02T01:00:00.000Z',
  finishedAt: '2026-12-02T01:00:05.000Z',
  collections: {
    tasks: {
      target: 'tasks',
      read: 4,
      inserted: 3,
      updated: 0,
      unchanged: 1,
      skipped: 0,
      issues: {
        'no status (set to todo)': { code: 'noStatus', params: {}, count: 1, samples: ['tLegacy0000000001'] },
        'dangling projectId (cleared)': { code: 'dangling', params: { field: 'projectId' }, count: 2, samples: ['tA', 'tB'] },
      },
      unknownFields: {},
    },
    noteLines: {
      target: 'note_lines',
      read: 2,
      inserted: 1,
      updated: 0,
      unchanged: 0,
      skipped: 1,
      issues: {},
      unknownFields: { colour: 1 },
    },
  },
  pendingMembers: [{ legacyUserId: 'uStranger0000001', projects: 1 }],
  secrets: [{ name: 'openaiApiKey', action: 'stored' }],
  missingFiles: [{ legacyId: 'fFile000000000002', storedFileName: 'absent__def__absent.txt' }],
  held: 1,
  searchQueued: 3,
  clean: false,
};

describe('the Panorama import report', () => {
  it('shows each collection with its counts, reasons and samples, and what needs attention', () => {
    render(<ReportView report={report} />);
    const tasks = screen.getByRole('row', { name: /^tasks/ });
    expect(
      within(tasks)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['4', '3', '0', '1', '0']);
    // The reasons in French, by their code; a parameter (a field name) shown as it is.
    expect(tasks.textContent).toContain('sans statut (mis à « à faire ») (1) — exemples : tLegacy0000000001');
    expect(tasks.textContent).toContain('projectId pointe vers un document absent de l’archive (retiré) (2) — exemples : tA, tB');
    expect(tasks.textContent).not.toContain('no status');
    expect(screen.getByRole('row', { name: /^noteLines/ }).textContent).toContain('colour');
    expect(screen.getByRole('status').textContent).toContain('Des documents ont été ignorés');
    expect(screen.getByText('uStranger0000001 — 1 projet(s)')).toBeTruthy();
    expect(screen.getByText('openaiApiKey — gardé, chiffré')).toBeTruthy();
    expect(screen.getByTestId('panorama-import-missing').textContent).toBe('absent__def__absent.txt');
  });

  it('downloads the report as JSON', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:report');
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<ReportView report={report} />);
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger le rapport (JSON)' }));
    expect(click).toHaveBeenCalledOnce();
    const blob = created.mock.calls[0]?.[0] as Blob;
    expect(JSON.parse(await blob.text())).toEqual(report);
  });
});
