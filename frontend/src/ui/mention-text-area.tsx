import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { ComponentProps, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeopleToMention } from '../api/people-to-mention.ts';
import { insertMention, mentionAt } from './mention.ts';
import { PersonListbox } from './person-listbox.tsx';
import { TextArea } from './text-area.tsx';
import { useListKeyboard } from './use-list-keyboard.ts';
import './mention-messages.ts';

type MentionTextAreaProps = Omit<ComponentProps<typeof TextArea>, 'value' | 'onChange'> & {
  value: string;
  onValueChange: (text: string) => void;
};

/**
 * A Markdown text field where `@` offers people (the Personnes search, accent- and case-blind):
 * ↑/↓ choose, Enter or Tab insert `[@Élodie Dupont](/people?open=<id>)`, Esc closes the list. A
 * combobox: the focus stays in the text while the list is walked.
 */
export function MentionTextArea({ value, onValueChange, onKeyDown, ...rest }: MentionTextAreaProps) {
  const { t } = useTranslation('mentions');
  const listId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [closedAt, setClosedAt] = useState<number | null>(null);
  const placeCaret = useRef<number | null>(null);
  const typed = caret === null ? null : mentionAt(value, caret);
  const mention = typed && typed.start !== closedAt ? typed : null;
  const people = usePeopleToMention(mention ? mention.query : null);
  const found = mention ? (people.data ?? []) : [];

  const choose = (person: (typeof found)[number]) => {
    if (!mention) return;
    const next = insertMention(value, mention, person);
    placeCaret.current = next.caret;
    setCaret(next.caret);
    onValueChange(next.text);
  };
  const list = useListKeyboard(found, choose, (p) => `${listId}-${p.id}`);

  useLayoutEffect(() => {
    if (placeCaret.current === null || !field.current) return;
    field.current.setSelectionRange(placeCaret.current, placeCaret.current);
    placeCaret.current = null;
  }, [value]);

  const track = () => setCaret(field.current?.selectionStart ?? null);
  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (mention && event.key === 'Escape') {
      // Closes the list only, not the dialog the field may be in.
      event.preventDefault();
      event.stopPropagation();
      setClosedAt(mention.start);
    } else if (mention && found.length > 0 && (event.key === 'Tab' || ['ArrowDown', 'ArrowUp', 'Enter'].includes(event.key))) {
      if (event.key === 'Tab') {
        event.preventDefault();
        if (list.current) choose(list.current);
      } else list.onKeyDown(event);
    } else onKeyDown?.(event);
  };

  return (
    <div className="person-field">
      <TextArea
        {...rest}
        ref={field}
        value={value}
        role={mention ? 'combobox' : undefined}
        aria-autocomplete={mention ? 'list' : undefined}
        aria-expanded={mention ? found.length > 0 : undefined}
        aria-controls={mention ? listId : undefined}
        aria-activedescendant={mention ? list.currentId : undefined}
        onChange={(event) => {
          setCaret(event.target.selectionStart);
          list.reset();
          onValueChange(event.target.value);
        }}
        onSelect={track}
        onClick={track}
        onKeyDown={keyDown}
        onBlur={() => setCaret(null)}
      />
      {mention && (
        <PersonListbox
          id={listId}
          label={t('list')}
          people={found}
          current={list.current}
          onPick={choose}
          empty={people.isSuccess ? t('none') : undefined}
        />
      )}
    </div>
  );
}
