import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { PeoplePicker } from './people-picker.tsx';
import { PresenceDot } from './presence-dot.tsx';
import { useContactOperations, useContacts } from './use-contacts.ts';
import { useCreateRoom } from './use-rooms.ts';

/** `/chat/contacts`: my contacts (write, remove) and a search to add people. */
export function ContactsPanel() {
  const { t } = useTranslation('chat');
  const contacts = useContacts();
  const { add, remove } = useContactOperations();
  const create = useCreateRoom();
  const contactOf = (userId: string) => contacts.data?.items.find((c) => c.user.id === userId);
  return (
    <div className="chat-new">
      <h2>{t('contacts')}</h2>
      <PeoplePicker
        label={t('findPerson')}
        action={(person) => {
          const contact = contactOf(person.id);
          return (
            <span className="chat-person-actions">
              {contact && <PresenceDot userId={person.id} />}
              <Button onClick={() => create.mutate({ type: 'direct', memberIds: [person.id] })}>{t('write')}</Button>
              {contact ? (
                <Button variant="ghost" onClick={() => remove.mutate(contact.id)}>
                  {t('removeContact')}
                </Button>
              ) : (
                <Button onClick={() => add.mutate(person.id)}>{t('addContact')}</Button>
              )}
            </span>
          );
        }}
      />
    </div>
  );
}
