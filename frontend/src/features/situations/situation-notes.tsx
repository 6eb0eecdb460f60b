import type { SituationNote } from '@panoramix/contracts';
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { useFormat } from '../../ui/format.ts';
import { Markdown } from '../../ui/markdown.tsx';
import { MentionTextArea } from '../../ui/mention-text-area.tsx';
import { useAutosave } from '../../ui/use-autosave.ts';
import { useAutosavedText } from './use-autosaved-text.ts';
import type { SituationOperations } from './use-situations.ts';

type NoteOperations = Pick<SituationOperations, 'addNote' | 'updateNote' | 'removeNote'>;

const isSubmit = (event: KeyboardEvent) => (event.ctrlKey || event.metaKey) && event.key === 'Enter';

/** A note shown in Markdown; Modifier turns it into its text, saved as typing pauses. */
function NoteItem({ note, ops }: { note: SituationNote; ops: NoteOperations }) {
  const { t } = useTranslation('situations');
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const text = useAutosavedText(
    note.content,
    (content) => ops.updateNote.mutateAsync({ noteId: note.id, content }),
    (content) => content.trim() !== '',
  );
  return (
    <li className="situation-note">
      {editing ? (
        <MentionTextArea
          label={t('noteContent')}
          value={text.value}
          onValueChange={text.edit}
          onBlur={text.flush}
          onKeyDown={(event) => {
            if (isSubmit(event) || event.key === 'Escape') {
              event.preventDefault();
              text.flush();
              setEditing(false);
            }
          }}
          rows={4}
          autoFocus
        />
      ) : (
        <div className="situation-note-body">
          <Markdown source={note.content} />
        </div>
      )}
      <div className="situation-note-meta">
        <span className="muted" role={editing ? 'status' : undefined}>
          {text.saving
            ? t('saving')
            : text.error
              ? t('saveFailed', { message: text.error.message })
              : format.dateTime(note.updatedAt)}
        </span>
        <Button variant="ghost" onClick={() => setEditing(!editing)} aria-pressed={editing}>
          {t('editNote')}
        </Button>
        <Button variant="ghost" onClick={() => ops.removeNote.mutate(note.id)} disabled={ops.removeNote.isPending}>
          {t('deleteNote')}
        </Button>
      </div>
    </li>
  );
}

/**
 * The notes about one actor (or the general ones) and a field for the next one, added with its
 * button or Ctrl+Enter. What is typed there is added anyway if the page goes away first.
 */
export function SituationNotes({
  notes,
  actorId,
  label,
  ops,
}: {
  notes: SituationNote[];
  actorId: string | null;
  label: string;
  ops: NoteOperations;
}) {
  const { t } = useTranslation('situations');
  const [draft, setDraft] = useState('');
  const mine = notes.filter((note) => note.actorId === actorId);
  const add = () => {
    const content = draft;
    if (!content.trim() || ops.addNote.isPending) return;
    ops.addNote.mutate({ actorId, content }, { onSuccess: () => setDraft((d) => (d === content ? '' : d)) });
  };
  // Never on a pause (a note is added when it is written), only when leaving with text typed.
  useAutosave({ draft, dirty: draft.trim() !== '', paused: true, save: add });

  return (
    <div className="situation-notes">
      <h3 className="situation-subtitle">{label}</h3>
      {mine.length === 0 ? (
        <p className="muted">{t('noNotes')}</p>
      ) : (
        <ul className="situation-note-list" aria-label={label}>
          {mine.map((note) => (
            <NoteItem key={note.id} note={note} ops={ops} />
          ))}
        </ul>
      )}
      <MentionTextArea
        label={`${t('newNote')} — ${label}`}
        value={draft}
        onValueChange={setDraft}
        onKeyDown={(event) => {
          if (isSubmit(event)) {
            event.preventDefault();
            add();
          }
        }}
        rows={2}
      />
      <div className="situation-row-actions">
        <Button onClick={add} disabled={!draft.trim() || ops.addNote.isPending}>
          {t('addNote')}
        </Button>
      </div>
      {ops.addNote.error && ops.addNote.variables?.actorId === actorId && (
        <p className="form-error" role="alert">
          {ops.addNote.error.message}
        </p>
      )}
    </div>
  );
}
