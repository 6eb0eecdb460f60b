import type { Person } from '@panoramix/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { PeoplePicker } from './people-picker.tsx';
import { useCreateRoom } from './use-rooms.ts';

/** `/chat/new`: a direct message to someone, or a named group with the people picked. */
export function NewRoom() {
  const { t } = useTranslation('chat');
  const create = useCreateRoom();
  const [name, setName] = useState('');
  const [members, setMembers] = useState<Person[]>([]);
  const picked = (id: string) => members.some((m) => m.id === id);
  return (
    <div className="chat-new">
      <section aria-labelledby="chat-new-direct">
        <h2 id="chat-new-direct">{t('newDirect')}</h2>
        <PeoplePicker
          label={t('findPerson')}
          action={(person) => (
            <Button onClick={() => create.mutate({ type: 'direct', memberIds: [person.id] })}>{t('write')}</Button>
          )}
        />
      </section>
      <section aria-labelledby="chat-new-group">
        <h2 id="chat-new-group">{t('newGroup')}</h2>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim()) create.mutate({ type: 'group', name: name.trim(), memberIds: members.map((m) => m.id) });
          }}
        >
          <TextField label={t('groupName')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
          <p className="muted">{members.length ? members.map((m) => m.displayName).join(', ') : t('noMembersYet')}</p>
          <PeoplePicker
            label={t('addMembers')}
            action={(person) => (
              <Button
                aria-pressed={picked(person.id)}
                onClick={() => setMembers(picked(person.id) ? members.filter((m) => m.id !== person.id) : [...members, person])}
              >
                {picked(person.id) ? t('removeFromGroup') : t('addToGroup')}
              </Button>
            )}
          />
          <Button type="submit" variant="primary" disabled={!name.trim() || create.isPending}>
            {t('createGroup')}
          </Button>
        </form>
      </section>
    </div>
  );
}
