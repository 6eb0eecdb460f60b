import type { Project } from '@panoramix/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextArea } from '../../ui/text-area.tsx';
import { useAutosave } from '../../ui/use-autosave.ts';
import { useProjectOperations } from './use-projects.ts';

/** The description, saved as typing pauses (and when leaving the page), like a note. */
export function ProjectDescription({ project }: { project: Project }) {
  const { t } = useTranslation('projects');
  const { update } = useProjectOperations();
  // null: showing the saved text, which another member's edit replaces live.
  const [draft, setDraft] = useState<string | null>(null);
  const dirty = draft !== null && draft !== project.description;
  useAutosave({
    draft,
    dirty,
    paused: update.isPending || update.isError,
    // Text typed while the save ran stays a draft.
    save: () =>
      draft !== null &&
      update.mutate(
        { id: project.id, description: draft },
        { onSuccess: (saved) => setDraft((current) => (current === saved.description ? null : current)) },
      ),
  });
  return (
    <TextArea
      label={t('description')}
      className="project-description"
      rows={3}
      maxLength={20_000}
      value={draft ?? project.description}
      onChange={(e) => setDraft(e.target.value)}
    />
  );
}
