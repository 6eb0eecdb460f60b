import type { PanoramaImport } from '@panoramix/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/problem.ts';
import { useSession } from '../../../app/auth/session-store.ts';
import { Button } from '../../../ui/button.tsx';
import { useFormat } from '../../../ui/format.ts';
import { TextField } from '../../../ui/text-field.tsx';
import { readImport, sendFile, startImport } from './import-api.ts';
import { ReportView } from './report-view.tsx';
import './messages.ts';
import './panorama-import.css';

/** Secrets of Panorama's instance preferences (spec §1.18), by the dotted path the report names. */
const SECRETS = [
  'openaiApiKey',
  'anthropicApiKey',
  'perplexityApiKey',
  'pennylaneToken',
  'mcpApiKey',
  'calendarIcsUrl',
  'slack.botToken',
  'slack.appToken',
  'googleCalendar.clientSecret',
  'googleCalendar.refreshToken',
  'github.token',
] as const;

/**
 * A Préférences panel is no tab, so it has no event appliers of its own: while the import runs it
 * reads the job every second (the server saves its progress twice a second).
 */
const POLL_MS = 1000;

function useImportJob(id: string | null) {
  return useQuery({
    queryKey: ['panoramaImport', id],
    queryFn: () => readImport(id!),
    enabled: id !== null,
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      return state === 'done' || state === 'failed' ? false : POLL_MS;
    },
  });
}

/** After the import, the chosen folder's files it reported missing are sent one by one, by name. */
function useFolderUpload(job: PanoramaImport | undefined, folder: readonly File[]) {
  const [sent, setSent] = useState<{ done: number; total: number; last: PanoramaImport | null }>({
    done: 0,
    total: 0,
    last: null,
  });
  const started = useRef<string | null>(null);
  useEffect(() => {
    if (!job?.report || job.state !== 'done' || started.current === job.id) return;
    started.current = job.id;
    const wanted = new Set(job.report.missingFiles.map((m) => m.storedFileName.split('/').pop()));
    const files = folder.filter((file) => wanted.has(file.name));
    setSent({ done: 0, total: files.length, last: null });
    void (async () => {
      for (const [i, file] of files.entries()) {
        const last = await sendFile(job.id, file).catch(() => null); // a refused file stays listed as missing
        setSent((s) => ({ done: i + 1, total: s.total, last: last ?? s.last }));
      }
    })();
  }, [job, folder]);
  return sent;
}

function ImportForm({ onStarted }: { onStarted: (job: PanoramaImport, folder: File[]) => void }) {
  const { t } = useTranslation('panoramaImport');
  const [archive, setArchive] = useState<File | null>(null);
  const [folder, setFolder] = useState<File[]>([]);
  const [username, setUsername] = useState('');
  const [mapUsers, setMapUsers] = useState('');
  const [keep, setKeep] = useState<ReadonlySet<string>>(new Set());
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const apiError = error instanceof ApiError ? error : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!archive) return;
    setError(null);
    setPercent(0);
    startImport({ archive, username: username.trim(), keepSecrets: [...keep], mapUsers: mapUsers.trim() }, (f) =>
      setPercent(Math.round(f * 100)),
    ).then(
      (job) => onStarted(job, folder),
      (e: unknown) => {
        setPercent(null);
        setError(e as Error);
      },
    );
  };
  const toggle = (name: string) =>
    setKeep((set) => {
      const next = new Set(set);
      if (!next.delete(name)) next.add(name);
      return next;
    });

  return (
    <form className="pi-form" onSubmit={submit} aria-busy={percent !== null}>
      <div className="field">
        <span className="field-label">{t('archive')}</span>
        <label className="btn pi-pick">
          {t('chooseArchive')}
          <input
            type="file"
            accept=".gz,application/gzip"
            hidden
            data-testid="panorama-import-archive"
            onChange={(e) => setArchive(e.target.files?.[0] ?? null)}
          />
        </label>
        <span className="field-hint">{archive ? archive.name : t('noArchive')}</span>
      </div>
      <TextField
        label={t('username')}
        hint={t('usernameHint')}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        error={apiError?.fieldError('username')}
        autoComplete="off"
        required
      />
      <TextField
        label={t('mapUsers')}
        hint={t('mapUsersHint')}
        optionalLabel={t('optional')}
        value={mapUsers}
        onChange={(e) => setMapUsers(e.target.value)}
        error={apiError?.fieldError('mapUsers')}
        autoComplete="off"
      />
      <fieldset className="pi-secrets">
        <legend className="field-label">{t('secrets')}</legend>
        <p className="field-hint">{t('secretsIntro')}</p>
        {SECRETS.map((name) => (
          <label key={name} className="pi-secret">
            <input type="checkbox" checked={keep.has(name)} onChange={() => toggle(name)} />
            <code>{name}</code> <span className="muted">{t('keepSecret')}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <span className="field-label">
          {t('folder')} <span className="field-optional">({t('optional')})</span>
        </span>
        <label className="btn pi-pick">
          {t('chooseFolder')}
          <input
            type="file"
            multiple
            hidden
            data-testid="panorama-import-folder"
            {...{ webkitdirectory: '' }}
            onChange={(e) => setFolder([...(e.target.files ?? [])])}
          />
        </label>
        <span className="field-hint">
          {folder.length > 0 ? t('folderFiles', { count: folder.length }) : t('noFolder')} — {t('folderHint')}
        </span>
      </div>
      {error && !apiError?.fieldError('username') && !apiError?.fieldError('mapUsers') && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
      <div>
        <Button type="submit" variant="primary" disabled={!archive || username.trim() === '' || percent !== null}>
          {percent === null ? t('start') : t('uploading', { percent })}
        </Button>
      </div>
    </form>
  );
}

function JobView({ id, folder, onAgain }: { id: string; folder: readonly File[]; onAgain: () => void }) {
  const { t } = useTranslation('panoramaImport');
  const format = useFormat();
  const query = useImportJob(id);
  const files = useFolderUpload(query.data, folder);
  const job = files.last ?? query.data;
  if (!job) return <p role="status">{query.error ? query.error.message : t('queued')}</p>;
  const sending = files.done < files.total;
  return (
    <div className="pi-job">
      {job.state === 'queued' && <p role="status">{t('queued')}</p>}
      {job.state === 'running' && (
        <div role="status" data-testid="panorama-import-progress">
          <strong>{t('running')}</strong>
          {job.progress && (
            <>
              <progress max={job.progress.total} value={job.progress.read} />
              <span>
                {t('progress', {
                  collection: job.progress.collection,
                  read: format.number(job.progress.read),
                  total: format.number(job.progress.total),
                  rate: format.number(job.progress.rate),
                  errors: format.number(job.progress.errors),
                })}
              </span>
            </>
          )}
        </div>
      )}
      {job.state === 'failed' && (
        <p className="field-error" role="alert">
          {t('failed', { error: job.error ?? '' })}
        </p>
      )}
      {sending && <p role="status">{t('sendingFiles', { done: files.done, total: files.total })}</p>}
      {job.state === 'done' && job.report && !sending && <ReportView report={job.report} />}
      {(job.state === 'done' || job.state === 'failed') && !sending && <Button onClick={onAgain}>{t('again')}</Button>}
    </div>
  );
}

/** Préférences → Import (administrators): a Panorama archive imported for one account, followed live, then its report. */
export default function PanoramaImportPanel() {
  const { t } = useTranslation('panoramaImport');
  const session = useSession();
  const [started, setStarted] = useState<{ id: string; folder: File[] } | null>(null);
  if (session.phase !== 'signed-in' || session.user.role !== 'admin') return null;
  return (
    <section className="card pi-panel" aria-labelledby="panorama-import-title">
      <h2 id="panorama-import-title" className="pi-title">
        {t('title')}
      </h2>
      <p className="muted">{t('intro')}</p>
      {started ? (
        <JobView id={started.id} folder={started.folder} onAgain={() => setStarted(null)} />
      ) : (
        <ImportForm onStarted={(job, folder) => setStarted({ id: job.id, folder })} />
      )}
    </section>
  );
}
