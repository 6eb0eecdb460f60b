import { useTranslation } from 'react-i18next';

/** The intervals offered, in minutes (the server takes any from 15 minutes to a week). */
export const intervalChoices = [15, 30, 60, 360, 1440, 10080] as const;

export function useIntervalOptions(current?: number) {
  const { t } = useTranslation('calendarSubscriptions');
  const choices: readonly number[] =
    current && !intervalChoices.some((c) => c === current) ? [...intervalChoices, current] : intervalChoices;
  return choices.map((minutes) => ({
    value: String(minutes),
    label: t(`intervals.${String(minutes) as `${(typeof intervalChoices)[number]}`}`, { defaultValue: `${minutes} min` }),
  }));
}
