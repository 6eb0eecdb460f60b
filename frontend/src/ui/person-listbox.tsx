import type { PersonRecord } from '@panoramix/contracts';
import { personName } from './mention.ts';
import './person-listbox.css';

interface PersonListboxProps {
  /** The listbox's id; each option's is `<id>-<person id>`, as `useListKeyboard` names them. */
  id: string;
  label: string;
  people: readonly PersonRecord[];
  current: PersonRecord | undefined;
  onPick: (person: PersonRecord) => void;
  /** Shown when `people` is empty; without it an empty list shows nothing. */
  empty?: string | undefined;
}

/**
 * The people a combobox offers (the @ of notes and tasks, a situation's actor): name, then role or
 * email. The focus stays in the field, so a press does not blur it before the click lands.
 */
export function PersonListbox({ id, label, people, current, onPick, empty }: PersonListboxProps) {
  return (
    <ul id={id} role="listbox" aria-label={label} className="person-listbox">
      {people.map((person) => (
        <li
          key={person.id}
          id={`${id}-${person.id}`}
          role="option"
          aria-selected={person === current}
          className="person-option"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(person)}
        >
          {personName(person)}
          {(person.role || person.email) && <span className="muted"> · {person.role || person.email}</span>}
        </li>
      ))}
      {people.length === 0 && empty && <li className="person-empty muted">{empty}</li>}
    </ul>
  );
}
