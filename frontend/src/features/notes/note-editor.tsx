import type { Note } from '@panoramix/contracts';
import { useEffect, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem.ts';
import { useCurrentUserId } from '../../app/auth/current-user.ts';
import { navigate } from '../../lib/location.ts';
import { Button } from '../../ui/button.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { useFormat } from '../../ui/format.ts';
import { LoadState } from '../../ui/load-state.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { Markdown } from '../../ui/markdown.tsx';
import { MentionTextArea } from '../../ui/mention-text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useAutosave } from '../../ui/use-autosave.ts';
import { useProjects } from '../../api/projects.ts';
import { useNote, useNoteOperations } from './use-notes.ts';
import { blankNote, clearNewNoteDraft, readNewNoteDraft, writeNewNoteDraft } from './new-note-draft.ts';
import type { NoteFields as Fields } from './new-note-draft.ts';

/**
 * Title, project and Markdown content. Each field keeps a local draft only while it differs from
 * what was saved; untouched fields always show the server's latest version (an edit from another
 * tab appears at once), and saving sends only the edited fields: last write wins per field.
 * A saved note saves itself when typing pauses; a new one is created by "Enregistrer" or Ctrl+S,
 * once it has a title; until then what is typed in it is kept in this browser (new-note-draft.ts).
 */
function Editor({ note }: { note: Note | undefined }) {
  const { t } = useTranslation('notes');
  const format = useFormat();
  const projects = useProjects();
  const { create, update, remove } = useNoteOperations();
  const me = useCurrentUserId();
  const [restored] = useState(() => (note ? undefined : readNewNoteDraft(me)));
  const [draft, setDraft] = useState<Partial<Fields>>(note ? {} : (restored ?? blankNote));
  const [showRestored, setShowRestored] = useState(restored !== undefined);
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const mutation = note ? update : create;
  const value = <K extends keyof Fields>(key: K): Fields[K] => (key in draft ? draft[key] : note?.[key]) as Fields[K];
  const edit = <K extends keyof Fields>(key: K, next: Fields[K]) => {
    if (mutation.isError) mutation.reset(); // the next pause tries again
    setDraft((d) => ({ ...d, [key]: next }));
  };
  const dirty = note ? Object.entries(draft).some(([k, v]) => note[k as keyof Fields] !== v) : value('title').trim() !== '';

  const save = () => {
    if (!dirty || mutation.isPending) return;
    const sent = draft;
    const onSuccess = (saved: Note) => {
      setDraft((d) => Object.fromEntries(Object.entries(d).filter(([k, v]) => sent[k as keyof Fields] !== v)));
      if (!note) {
        clearNewNoteDraft(me);
        navigate(`/notes/${saved.id}`, { replace: true });
      }
    };
    if (note) update.mutate({ id: note.id, ...sent }, { onSuccess });
    else create.mutate({ title: value('title'), content: value('content'), projectId: value('projectId') }, { onSuccess });
  };
  useAutosave({ draft, dirty: note !== undefined && dirty, paused: mutation.isPending || mutation.isError, save });
  useEffect(() => {
    if (!note && !create.isSuccess) writeNewNoteDraft(me, { ...blankNote, ...draft });
  }, [note, draft, me, create.isSuccess]);
  const discardDraft = () => {
    clearNewNoteDraft(me);
    setDraft(blankNote);
    setShowRestored(false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      save();
    }
  };

  const error = mutation.error instanceof ApiError ? mutation.error : undefined;
  // In a shared project, say who wrote a note when it was not me.
  const author =
    note && note.userId !== me
      ? projects.data?.items.find((p) => p.id === note.projectId)?.members.find((m) => m.id === note.userId)
      : undefined;
  return (
    <div className="note-editor" onKeyDown={onKeyDown}>
      {showRestored && (
        <p className="note-draft-notice" role="status">
          {t('draftRestored')}{' '}
          <Button variant="ghost" onClick={discardDraft}>
            {t('discardDraft')}
          </Button>
        </p>
      )}
      <TextField
        label={t('noteTitle')}
        value={value('title')}
        onChange={(e) => edit('title', e.target.value)}
        error={error?.fieldError('title')}
        maxLength={300}
        required
        autoFocus={!note}
      />
      <SelectField
        label={t('project')}
        value={value('projectId') ?? ''}
        options={[
          { value: '', label: t('noProject') },
          ...(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
        ]}
        onChange={(id) => edit('projectId', id || null)}
      />
      <ChoiceGroup
        legend={t('mode')}
        value={mode}
        options={[
          { value: 'write', label: t('write') },
          { value: 'preview', label: t('preview') },
        ]}
        onChange={setMode}
      />
      {mode === 'write' ? (
        <MentionTextArea
          label={t('content')}
          value={value('content')}
          onValueChange={(text) => edit('content', text)}
          rows={14}
        />
      ) : (
        <div className="note-preview card">
          {value('content').trim() ? <Markdown source={value('content')} /> : t('emptyPreview')}
        </div>
      )}
      <div className="note-footer">
        <span className="muted" role="status">
          {mutation.isPending
            ? t('saving')
            : dirty
              ? t(note ? 'unsavedAuto' : 'unsaved')
              : note && t('upToDate', { date: format.dateTime(note.updatedAt) })}
          {author && ` · ${t('writtenBy', { name: author.displayName })}`}
        </span>
        {note && (
          <Button variant="danger" onClick={() => remove.mutate(note, { onSuccess: () => navigate('/notes') })}>
            {t('deleteNote')}
          </Button>
        )}
        <Button variant="primary" onClick={save} disabled={!dirty || mutation.isPending}>
          {t('save')}
        </Button>
      </div>
      {mutation.error && !error?.fieldError('title') && (
        <p className="form-error" role="alert">
          {mutation.error.message}
        </p>
      )}
    </div>
  );
}

export function NoteEditor({ id }: { id: string | undefined }) {
  const { t } = useTranslation('notes');
  if (!id) return <Editor note={undefined} />;
  return <ExistingNote id={id} notFound={t('notFound')} />;
}

/** A note deleted elsewhere (404, or dropped from the cache by its event) reads "no longer exists". */
function ExistingNote({ id, notFound }: { id: string; notFound: string }) {
  const note = useNote(id);
  const gone = note.error instanceof ApiError && note.error.status === 404;
  return (
    <LoadState
      data={note.data}
      loading={note.isPending && !gone}
      error={gone ? null : note.error}
      isEmpty={() => gone}
      empty={notFound}
    >
      {(data) => <Editor note={data} />}
    </LoadState>
  );
}
