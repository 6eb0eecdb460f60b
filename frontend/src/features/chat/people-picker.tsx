import type { Person } from '@panoramix/contracts';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/text-field.tsx';
import { useContacts, useUserSearch } from './use-contacts.ts';

interface PeoplePickerProps {
  label: string;
  /** What each person's row offers (start a chat, add to a group or to contacts…). */
  action: (person: Person & { isContact?: boolean }) => ReactNode;
}

/** My contacts, or the accounts matching what is typed: the one way to find someone in the chat. */
export function PeoplePicker({ label, action }: PeoplePickerProps) {
  const { t } = useTranslation('chat');
  const [q, setQ] = useState('');
  const contacts = useContacts();
  const search = useUserSearch(q);
  const people = q.trim()
    ? (search.data?.items ?? [])
    : (contacts.data?.items.map((c) => ({ ...c.user, isContact: true })) ?? []);
  return (
    <div className="chat-people">
      <TextField label={label} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('searchPeople')} />
      {people.length === 0 ? (
        <p className="muted">{q.trim() ? (search.isFetching ? t('searching') : t('nobody')) : t('noContacts')}</p>
      ) : (
        <ul className="chat-people-list" aria-label={q.trim() ? t('results') : t('contacts')}>
          {people.map((person) => (
            <li key={person.id}>
              <span className="chat-person">
                <strong>{person.displayName}</strong> <span className="muted">@{person.username}</span>
              </span>
              {action(person)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
