import type { RoomView } from '@panoramix/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/link.tsx';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { MuteButton } from './mute.tsx';
import { PeoplePicker } from './people-picker.tsx';
import { useLeaveRoom, useRoomAdmin } from './use-rooms.ts';

type Admin = ReturnType<typeof useRoomAdmin>;

/** The name, editable by admins; a rename by someone else resets the field (the form is keyed by the name). */
function RenameForm({ room, rename }: { room: RoomView; rename: Admin['rename'] }) {
  const { t } = useTranslation('chat');
  const [name, setName] = useState(room.name ?? '');
  const changed = name.trim() !== '' && name.trim() !== room.name;
  return (
    <form
      className="chat-settings-rename"
      onSubmit={(event) => {
        event.preventDefault();
        if (changed) rename.mutate(name.trim());
      }}
    >
      <TextField label={t('groupName')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
      <Button type="submit" variant="primary" disabled={!changed || rename.isPending}>
        {t('rename')}
      </Button>
    </form>
  );
}

function DeleteDialog({ room, destroy, onClose }: { room: RoomView; destroy: Admin['destroy']; onClose: () => void }) {
  const { t } = useTranslation('chat');
  return (
    <Dialog label={t('deleteGroup')} onClose={onClose} className="dialog-padded">
      <h2 className="dialog-title">{t('deleteGroup')}</h2>
      <p>{t('confirmDelete', { name: room.name })}</p>
      <div className="dialog-actions">
        <Button onClick={onClose} data-autofocus>
          {t('cancel')}
        </Button>
        <Button variant="danger" onClick={() => destroy.mutate()} disabled={destroy.isPending}>
          {t('deleteGroup')}
        </Button>
      </div>
    </Dialog>
  );
}

/** `/chat/<id>/settings` for a group: its name, members, notifications; admins rename, add, remove and delete. */
export function RoomSettings({ room, me }: { room: RoomView; me: string }) {
  const { t } = useTranslation('chat');
  const admin = useRoomAdmin(room.id);
  const leave = useLeaveRoom();
  const [deleting, setDeleting] = useState(false);
  const isAdmin = room.members.some((m) => m.userId === me && m.isAdmin);
  const isMember = (userId: string) => room.members.some((m) => m.userId === userId);
  return (
    <div className="chat-settings">
      <Link to={`/chat/${room.id}`}>← {t('backToRoom')}</Link>
      <h2>{t('settings')}</h2>
      {isAdmin ? <RenameForm key={room.name} room={room} rename={admin.rename} /> : <p>{room.name}</p>}
      {!isAdmin && <p className="muted">{t('onlyAdmins')}</p>}

      <section aria-labelledby="chat-settings-members">
        <h3 id="chat-settings-members">{t('memberCount', { count: room.members.length })}</h3>
        <ul className="chat-people-list" aria-label={t('members')}>
          {room.members.map((member) => (
            <li key={member.userId}>
              <span className="chat-person">
                <strong>{member.displayName}</strong> <span className="muted">@{member.username}</span>
                {member.isAdmin && <span className="chat-admin-tag">{t('admin')}</span>}
                {member.userId === me && <span className="muted"> {t('you')}</span>}
              </span>
              {isAdmin && member.userId !== me && (
                <Button
                  variant="ghost"
                  onClick={() => admin.remove.mutate(member.userId)}
                  disabled={admin.remove.isPending}
                  aria-label={t('removeMember', { name: member.displayName })}
                >
                  {t('removeFromGroup')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      </section>

      {isAdmin && (
        <section aria-labelledby="chat-settings-add">
          <h3 id="chat-settings-add">{t('addMembers')}</h3>
          <PeoplePicker
            label={t('findPerson')}
            action={(person) =>
              isMember(person.id) ? (
                <span className="muted">{t('alreadyMember')}</span>
              ) : (
                <Button onClick={() => admin.add.mutate(person.id)} disabled={admin.add.isPending}>
                  {t('addToGroup')}
                </Button>
              )
            }
          />
        </section>
      )}

      <div className="chat-settings-actions">
        <MuteButton room={room} title={room.name ?? ''} />
        <Button onClick={() => leave.mutate(room.id)} disabled={leave.isPending}>
          {t('leave')}
        </Button>
        {isAdmin && (
          <Button variant="danger" onClick={() => setDeleting(true)}>
            {t('deleteGroup')}
          </Button>
        )}
      </div>
      {deleting && <DeleteDialog room={room} destroy={admin.destroy} onClose={() => setDeleting(false)} />}
    </div>
  );
}
