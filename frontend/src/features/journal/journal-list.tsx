import type { JournalEntry } from '@panoramix/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../../api/preferences-store.ts';
import { Button } from '../../ui/button.tsx';
import { useFormat } from '../../ui/format.ts';
import { Icon } from '../../ui/icon.tsx';
import { InlineEdit } from '../../ui/inline-edit.tsx';
import { showToast } from '../../ui/toast.tsx';
import { groupByDayAndHour } from './group.ts';
import type { JournalOperations } from './use-journal.ts';

const locales = { fr: 'fr-FR', en: 'en-GB' } as const;

/** The lines by day (its full date) then hour, each with its HH:mm, editable in place and deletable with undo. */
export function JournalList({ entries, operations }: { entries: JournalEntry[]; operations: JournalOperations }) {
  const { t } = useTranslation('journal');
  const { language, timeZone } = usePreferences();
  const format = useFormat();
  const zone = timeZone ?? undefined;
  const days = useMemo(() => groupByDayAndHour(entries, zone), [entries, zone]);
  const time = useMemo(
    () => new Intl.DateTimeFormat(locales[language], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }),
    [language, zone],
  );

  const remove = (entry: JournalEntry) =>
    operations.remove.mutate(entry, {
      onSuccess: () =>
        showToast(t('deleted'), 'info', {
          label: t('undo'),
          run: () => operations.create.mutate({ content: entry.content, createdAt: entry.createdAt }),
        }),
      onError: (error) => showToast(error.message, 'error'),
    });

  return (
    <div className="journal-days" aria-label={t('list')} role="region">
      {days.map((day) => (
        <section key={day.day} className="journal-day" aria-label={format.longDate(day.at)}>
          <h2 className="journal-day-title">{format.longDate(day.at)}</h2>
          {day.hours.map((hour) => (
            <div key={hour.hour} className="journal-hour">
              <h3 className="journal-hour-title">{hour.hour}:00</h3>
              <ul className="journal-lines">
                {hour.entries.map((entry) => (
                  <li key={entry.id} className="journal-line">
                    <time className="journal-time muted" dateTime={entry.createdAt}>
                      {time.format(new Date(entry.createdAt))}
                    </time>
                    <span className="journal-content">
                      <InlineEdit
                        value={entry.content}
                        inputLabel={t('editLabel')}
                        hint={t('editHint')}
                        onSave={(content) =>
                          operations.update.mutate(
                            { id: entry.id, content },
                            { onError: (error) => showToast(error.message, 'error') },
                          )
                        }
                      />
                    </span>
                    <Button
                      variant="ghost"
                      icon
                      aria-label={t('deleteLabel', { content: entry.content })}
                      onClick={() => remove(entry)}
                    >
                      <Icon name="trash" size={16} />
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
