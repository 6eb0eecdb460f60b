import type { Project, Task } from '@panoramix/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUserId } from '../../app/auth/current-user.ts';
import { Button } from '../../ui/button.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Markdown } from '../../ui/markdown.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { MentionTextArea } from '../../ui/mention-text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useKeyShortcuts } from '../../ui/use-key-shortcuts.ts';
import type { TaskPatch } from './use-tasks.ts';

interface TaskDetailProps {
  task: Task;
  project: Project | undefined;
  onSave: (patch: TaskPatch) => void;
  onClose: () => void;
}

const tagsOf = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
const hoursOf = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));

/** Only what was changed is sent: another member's edit of another field meanwhile stays. */
function changes(task: Task, draft: TaskPatch): TaskPatch {
  return Object.fromEntries(
    Object.entries(draft).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(task[key as keyof Task])),
  ) as TaskPatch;
}

/**
 * A task's details: notes in Markdown (with a preview), tags, who it is assigned to (its project's
 * members, or me for an inbox task), deadline, estimate and time spent. Saved with the button or
 * Ctrl/⌘+Enter.
 */
export function TaskDetail({ task, project, onSave, onClose }: TaskDetailProps) {
  const { t } = useTranslation('tasks');
  const me = useCurrentUserId();
  const [draft, setDraft] = useState({
    title: task.title,
    notes: task.notes,
    tags: task.tags.join(', '),
    assigneeId: task.assigneeId ?? '',
    deadline: task.deadline,
    estimate: task.estimate === null ? '' : String(task.estimate),
    actual: task.actual === null ? '' : String(task.actual),
  });
  const [preview, setPreview] = useState(false);
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft({ ...draft, [key]: value });
  const estimate = hoursOf(draft.estimate);
  const actual = hoursOf(draft.actual);
  const invalid = [estimate, actual].some((hours) => hours !== null && !(hours >= 0));
  const people = project ? project.members.map((m) => ({ value: m.id, label: m.id === me ? t('me') : m.displayName })) : [];
  const assignees = [{ value: '', label: t('nobody') }, ...(project ? people : [{ value: me, label: t('me') }])];
  const notesId = useId();

  function save() {
    if (invalid || draft.title.trim() === '') return;
    const patch = changes(task, {
      title: draft.title.trim(),
      notes: draft.notes,
      tags: tagsOf(draft.tags),
      assigneeId: draft.assigneeId || null,
      deadline: draft.deadline,
      estimate,
      actual,
    });
    if (Object.keys(patch).length > 0) onSave(patch);
    onClose();
  }
  useKeyShortcuts({ 'Mod+Enter': save });

  return (
    <Dialog label={t('detailsOf', { title: task.title })} onClose={onClose} className="task-detail">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <TextField label={t('titleLabel')} value={draft.title} maxLength={500} onChange={(e) => set('title', e.target.value)} />
        <div className="task-detail-notes">
          <div className="task-detail-notes-head">
            <span className="field-label" id={notesId}>
              {t('notes')}
            </span>
            <Button variant="ghost" aria-pressed={preview} onClick={() => setPreview(!preview)}>
              {preview ? t('edit') : t('preview')}
            </Button>
          </div>
          {preview ? (
            <div className="task-detail-preview" aria-labelledby={notesId}>
              {draft.notes.trim() ? <Markdown source={draft.notes} /> : <p className="muted">{t('noNotes')}</p>}
            </div>
          ) : (
            <MentionTextArea
              label={t('notesMarkdown')}
              data-autofocus
              rows={8}
              maxLength={20_000}
              value={draft.notes}
              onValueChange={(notes) => set('notes', notes)}
            />
          )}
        </div>
        <TextField label={t('tags')} hint={t('tagsHint')} value={draft.tags} onChange={(e) => set('tags', e.target.value)} />
        <div className="task-detail-grid">
          <SelectField
            label={t('assignee')}
            value={draft.assigneeId}
            options={assignees}
            onChange={(value) => set('assigneeId', value)}
          />
          <div className="field">
            <span className="field-label">{t('due')}</span>
            <DateField
              value={draft.deadline}
              onChange={(deadline) => set('deadline', deadline)}
              placeholder={t('datePlaceholder')}
              aria-label={t('due')}
            />
          </div>
          <TextField
            label={t('estimate')}
            inputMode="decimal"
            value={draft.estimate}
            error={estimate !== null && !(estimate >= 0) ? t('hoursInvalid') : undefined}
            onChange={(e) => set('estimate', e.target.value)}
          />
          <TextField
            label={t('actual')}
            inputMode="decimal"
            value={draft.actual}
            error={actual !== null && !(actual >= 0) ? t('hoursInvalid') : undefined}
            onChange={(e) => set('actual', e.target.value)}
          />
        </div>
        <div className="dialog-actions">
          <span className="muted section-hint">{t('saveHint')}</span>
          <Button variant="ghost" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button variant="primary" type="submit" disabled={invalid}>
            {t('save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
