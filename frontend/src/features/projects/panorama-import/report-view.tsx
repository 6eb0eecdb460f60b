import type { PanoramaImportReport } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button.tsx';
import { useFormat } from '../../../ui/format.ts';

type Issue = PanoramaImportReport['collections'][string]['issues'][string];

const COUNTS = ['read', 'inserted', 'updated', 'unchanged', 'skipped'] as const;

/** The report as a JSON file, as the CLI's `--report` writes it. */
function download(report: PanoramaImportReport) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `panorama-import-${report.username}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The parameters a reason's text names (reasons.ts on the server), shown as they are. */
const reasonParams = ({ field = '', value = '', detail = '' }: Record<string, string>) => ({ field, value, detail });

/** What the import did per collection, with the reasons and samples, then what needs the admin's attention. */
export function ReportView({ report }: { report: PanoramaImportReport }) {
  const { t } = useTranslation('panoramaImport');
  const format = useFormat();
  const collections = Object.entries(report.collections);
  const reasonText = (issue: Issue) => t(`reasons.${issue.code}`, reasonParams(issue.params));
  return (
    <div className="pi-report" data-testid="panorama-import-report">
      <p role="status">
        <strong>{t('done')}</strong> — {report.clean ? t('clean') : t('notClean')}
      </p>
      <Button onClick={() => download(report)}>{t('download')}</Button>
      <div className="pi-table-wrap">
        <table className="pi-table">
          <thead>
            <tr>
              <th scope="col">{t('collection')}</th>
              {COUNTS.map((key) => (
                <th key={key} scope="col" className="pi-number">
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {collections.map(([name, c]) => (
              <tr key={name} data-collection={name}>
                <th scope="row">
                  {name}
                  {c.target && c.target !== name && <span className="muted"> → {c.target}</span>}
                  {Object.entries(c.issues).map(([reason, issue]) => (
                    <span key={reason} className="pi-issue">
                      {reasonText(issue)} ({format.number(issue.count)}) — {t('samples', { samples: issue.samples.join(', ') })}
                    </span>
                  ))}
                  {Object.keys(c.unknownFields).length > 0 && (
                    <span className="pi-issue">{t('unknownFields', { fields: Object.keys(c.unknownFields).join(', ') })}</span>
                  )}
                </th>
                {COUNTS.map((key) => (
                  <td key={key} className="pi-number">
                    {format.number(c[key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.held > 0 && <p className="muted">{t('held', { count: report.held })}</p>}
      {report.pendingMembers.length > 0 && (
        <>
          <h3 className="pi-subtitle">{t('pendingMembers')}</h3>
          <ul>
            {report.pendingMembers.map((m) => (
              <li key={m.legacyUserId}>{t('pendingMember', { id: m.legacyUserId, count: m.projects })}</li>
            ))}
          </ul>
        </>
      )}
      {report.secrets.length > 0 && (
        <>
          <h3 className="pi-subtitle">{t('secretsReport')}</h3>
          <ul>
            {report.secrets.map((s) => (
              <li key={s.name}>
                {s.name} — {t(s.action)}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="pi-subtitle">{t('missingFiles')}</h3>
      {report.missingFiles.length === 0 ? (
        <p className="muted">{t('noMissingFiles')}</p>
      ) : (
        <ul data-testid="panorama-import-missing">
          {report.missingFiles.map((m) => (
            <li key={m.legacyId}>{m.storedFileName}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
