import type { SituationQuestion, SituationQuestions } from '@panoramix/contracts';
import { useTranslation } from 'react-i18next';
import { TextArea } from '../../ui/text-area.tsx';
import { useAutosavedText } from './use-autosaved-text.ts';
import type { SituationOperations } from './use-situations.ts';

interface AnswerProps {
  index: number;
  question: SituationQuestion;
  /** The whole list with this answer changed, as the server holds it when the save goes. */
  save: (index: number, answer: string) => Promise<unknown>;
}

function Answer({ index, question, save }: AnswerProps) {
  const { t } = useTranslation('situations');
  const answer = useAutosavedText(question.r, (text) => save(index, text));
  return (
    <li className="situation-question">
      <TextArea
        label={question.q}
        className="situation-answer"
        value={answer.value}
        onChange={(event) => answer.edit(event.target.value)}
        onBlur={answer.flush}
        rows={2}
      />
      {(answer.saving || answer.error) && (
        <span className={answer.error ? 'form-error' : 'muted'} role="status">
          {answer.error ? t('saveFailed', { message: answer.error.message }) : t('saving')}
        </span>
      )}
    </li>
  );
}

/** An actor's interview questions with my answers, each saved as typing pauses; the AI's next questions take them into account. */
export function ActorQuestions({
  actorId,
  name,
  doc,
  putQuestions,
}: {
  actorId: string;
  name: string;
  doc: SituationQuestions | undefined;
  putQuestions: SituationOperations['putQuestions'];
}) {
  const { t } = useTranslation('situations');
  const questions = doc?.questions ?? [];
  const save = (index: number, r: string) =>
    putQuestions.mutateAsync({
      actorId,
      questions: questions.map((question, i) => (i === index ? { ...question, r } : question)),
    });
  return (
    <div className="situation-questions">
      <h3 className="situation-subtitle">{t('questions', { name })}</h3>
      {questions.length === 0 ? (
        <p className="muted">{t('noQuestions')}</p>
      ) : (
        <ol className="situation-question-list">
          {questions.map((question, index) => (
            <Answer key={`${index}:${question.q}`} index={index} question={question} save={save} />
          ))}
        </ol>
      )}
    </div>
  );
}
