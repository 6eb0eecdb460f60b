import type { Situation } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { TextArea } from '../../ui/text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFormat } from '../../ui/format.ts';
import { useAutosavedText } from './use-autosaved-text.ts';
import type { SituationOperations } from './use-situations.ts';

/** The title and the description, each saved on its own as typing pauses (last write wins per field). */
export function SituationFields({
  situation,
  update,
  fresh,
}: {
  situation: Situation;
  update: SituationOperations['update'];
  fresh: boolean;
}) {
  const { t } = useTranslation('situations');
  const format = useFormat();
  const title = useAutosavedText(
    situation.title,
    (text) => update.mutateAsync({ title: text }),
    (text) => text.trim() !== '',
  );
  const description = useAutosavedText(situation.description, (text) => update.mutateAsync({ description: text }));
  const failed = title.error ?? description.error;
  return (
    <div className="situation-fields">
      <TextField
        label={t('situationTitle')}
        className="input situation-title"
        value={title.value}
        onChange={(event) => title.edit(event.target.value)}
        onFocus={(event) => fresh && event.target.select()}
        maxLength={200}
        error={title.value.trim() === '' ? t('titleRequired') : undefined}
        required
        autoFocus={fresh}
      />
      <TextArea
        label={t('description')}
        aria-describedby="situation-description-hint"
        value={description.value}
        onChange={(event) => description.edit(event.target.value)}
        rows={6}
      />
      <span id="situation-description-hint" className="field-hint">
        {t('descriptionHint')}
      </span>
      <span className="muted" role="status">
        {title.saving || description.saving
          ? t('saving')
          : failed
            ? t('saveFailed', { message: failed.message })
            : title.dirty || description.dirty
              ? t('unsaved')
              : t('updatedAt', { date: format.dateTime(situation.updatedAt) })}
      </span>
    </div>
  );
}
