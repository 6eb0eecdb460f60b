import type { PersonRecord } from '@panoramix/contracts';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeopleToMention } from '../../api/people-to-mention.ts';
import { Button } from '../../ui/button.tsx';
import { PersonListbox } from '../../ui/person-listbox.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useListKeyboard } from '../../ui/use-list-keyboard.ts';
import type { SituationOperations } from './use-situations.ts';

/**
 * Adds an actor: typing searches Personnes (accent- and case-blind, as the @ of notes does);
 * ↑/↓ and Enter or a click pick a person, whose name and job title the server copies. Without a
 * pick, "Ajouter" adds the typed name as free text. The role in the situation goes with either.
 */
export function ActorPicker({ addActor }: { addActor: SituationOperations['addActor'] }) {
  const { t } = useTranslation('situations');
  const listId = useId();
  const [name, setName] = useState('');
  const [situationRole, setSituationRole] = useState('');
  const [open, setOpen] = useState(false);
  const query = name.trim();
  const people = usePeopleToMention(open && query ? query : null);
  const found = open && query ? (people.data ?? []) : [];

  const added = () => {
    setName('');
    setSituationRole('');
    setOpen(false);
  };
  const pick = (person: PersonRecord) => addActor.mutate({ personId: person.id, situationRole }, { onSuccess: added });
  const list = useListKeyboard(found, pick, (person) => `${listId}-${person.id}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (query) addActor.mutate({ personId: null, name: query, situationRole }, { onSuccess: added });
  };

  return (
    <form className="actor-picker" onSubmit={submit} aria-label={t('addActor')}>
      <div className="person-field">
        <TextField
          label={t('actorName')}
          hint={t('actorNameHint')}
          value={name}
          maxLength={200}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={found.length > 0}
          aria-controls={listId}
          aria-activedescendant={found.length > 0 ? list.currentId : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setOpen(true);
            list.reset();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && found.length > 0) {
              event.preventDefault();
              event.stopPropagation();
              setOpen(false);
            } else if (found.length > 0) list.onKeyDown(event);
          }}
          onBlur={() => setOpen(false)}
        />
        {found.length > 0 && (
          <PersonListbox id={listId} label={t('linkedPerson')} people={found} current={list.current} onPick={pick} />
        )}
      </div>
      <TextField
        label={t('situationRole')}
        value={situationRole}
        maxLength={500}
        onChange={(event) => setSituationRole(event.target.value)}
      />
      <Button type="submit" disabled={!query || addActor.isPending}>
        {t('add')}
      </Button>
      {addActor.error && (
        <p className="form-error" role="alert">
          {addActor.error.message}
        </p>
      )}
    </form>
  );
}
