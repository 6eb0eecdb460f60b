import type { CalendarImportResult } from '@panoramix/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from 'virtual:panoramix/contracts';
import { authorizedFetch } from '../../api/files.ts';
import { ApiError } from '../../api/problem.ts';
import { Button } from '../../ui/button.tsx';
import { FileInput } from '../../ui/file-input.tsx';
import { eventsKey } from './calendar-cache.ts';

/** Sends an `.ics` file to the import route (multipart, the route's part name). */
async function sendIcs(file: File): Promise<CalendarImportResult> {
  const target = routes.calendarImports.upload;
  const form = new FormData();
  form.append(target.upload.field, file, file.name);
  const response = await authorizedFetch(target.path, { method: 'POST', body: form });
  if (!response.ok) throw await ApiError.from(response);
  return (await response.json()) as CalendarImportResult;
}

/** Importer un fichier .ics: each event is created, or updated when already imported; the counts and the skipped ones with why. */
export function IcsImport() {
  const { t } = useTranslation('calendar');
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: sendIcs,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: eventsKey }),
  });
  return (
    <section className="card cal-import" aria-labelledby="cal-import-title">
      <h2 id="cal-import-title">{t('import.title')}</h2>
      <FileInput ref={input} testId="ics-file" onFiles={(files) => files[0] && upload.mutate(files[0])} />
      <Button onClick={() => input.current?.click()} disabled={upload.isPending}>
        {upload.isPending ? t('import.sending') : t('import.choose')}
      </Button>
      {upload.error && (
        <p className="form-error" role="alert">
          {upload.error.message}
        </p>
      )}
      {upload.data && (
        <div role="status">
          <p>
            {t('import.result', { created: upload.data.created, updated: upload.data.updated, skipped: upload.data.skipped })}
          </p>
          {upload.data.skips.length > 0 && (
            <ul className="muted">
              {upload.data.skips.map((skip) => (
                <li key={skip.uid}>
                  {skip.title || skip.uid} : {skip.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
