import type { CalendarEvent } from '@panoramix/contracts';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocation } from '../../lib/location.ts';
import { Button } from '../../ui/button.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { Icon } from '../../ui/icon.tsx';
import { Page } from '../../ui/page.tsx';
import { useKeyShortcuts } from '../../ui/use-key-shortcuts.ts';
import { AgendaView } from './agenda-view.tsx';
import { useCalendarFormat } from './calendar-format.ts';
import { MINUTE, dayKey, daysOf, instantOf, rangeOf, shiftAnchor, startOfDay, wallOf, wallOfDay } from './calendar-time.ts';
import type { CalendarView, Wall } from './calendar-time.ts';
import { EventDialog } from './event-dialog.tsx';
import { IcsImport } from './ics-import.tsx';
import type { Draft, EventFields } from './event-dialog.tsx';
import { MonthView } from './month-view.tsx';
import { useShowTasks } from './use-show-tasks.ts';
import { itemOfEvent, useCalendarOperations, useEventRange, useTasksAndAlarms } from './use-calendar.ts';
import { WeekView } from './week-view.tsx';
import type { CalendarItem } from './week-layout.ts';
import './calendar.css';
import './messages.ts';

/** ICS subscriptions and the private feed: their own chunk, fetched when the settings are opened. */
const SubscriptionsPanel = lazy(() => import('./subscriptions/panel.tsx'));

const views: readonly CalendarView[] = ['week', 'month', 'agenda'];
/** The agenda reads this many days at a time; "Afficher … de plus" adds as many (the server takes a year at most). */
const AGENDA_STEP = 30;
const AGENDA_MAX = 360;
/** A phone opens on the agenda: seven columns of hours do not fit 390 px. */
const narrow = () => window.matchMedia('(max-width: 40rem)').matches;

/** The wall clock now, moved on every minute (the now line, "today"). */
function useNow(zone: string | undefined): Wall {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return wallOf(new Date(now).toISOString(), zone);
}

/**
 * The address holds the view and the day shown (`?view=month&date=2026-03-25`), so a reload or a
 * shared link opens the same page; `?new` opens the new event form (the palette's command).
 */
export default function CalendarPage() {
  const { t } = useTranslation(['calendar', 'translation']);
  const format = useCalendarFormat();
  const zone = format.zone;
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const now = useNow(zone);
  const requested = params.get('view') as CalendarView | null;
  const view: CalendarView = requested && views.includes(requested) ? requested : narrow() ? 'agenda' : 'week';
  const date = wallOfDay(params.get('date') ?? '');
  const anchor = Number.isNaN(date) ? startOfDay(now) : date;
  const [agendaDays, setAgendaDays] = useState(AGENDA_STEP);
  const days = useMemo(() => daysOf(view, anchor, agendaDays), [view, anchor, agendaDays]);
  const range = rangeOf(days, zone);
  const events = useEventRange(range.from, range.to);
  const [showTasks, setShowTasks] = useShowTasks();
  const extras = useTasksAndAlarms(showTasks, zone);
  const operations = useCalendarOperations();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [settings, setSettings] = useState(false);

  const eventsById = useMemo(() => new Map((events.data?.items ?? []).map((e) => [itemOfEvent(e).id, e])), [events.data]);
  const items = useMemo(() => [...(events.data?.items ?? []).map(itemOfEvent), ...extras], [events.data, extras]);
  const opened: CalendarEvent | null = (openId && eventsById.get(openId)) || null;

  const go = (next: { view?: CalendarView; anchor?: Wall }) => {
    const query = new URLSearchParams({ view: next.view ?? view, date: dayKey(next.anchor ?? anchor) });
    navigate(`/calendar?${query.toString()}`, { replace: true });
  };
  const step = (direction: number) => go({ anchor: shiftAnchor(view, anchor, direction, agendaDays) });
  const today = () => go({ anchor: startOfDay(now) });
  const newEvent = () => {
    // The next whole hour of the day shown (today: from now on).
    const day = startOfDay(anchor) === startOfDay(now) ? now : anchor + 9 * 60 * MINUTE;
    const start = Math.ceil(day / (60 * MINUTE)) * 60 * MINUTE;
    setDraft({ start: instantOf(start, zone), end: instantOf(start + 60 * MINUTE, zone), allDay: false, quick: true });
  };
  useKeyShortcuts({ ArrowLeft: () => step(-1), ArrowRight: () => step(1), t: today, c: newEvent });

  const wantsNew = params.has('new');
  useEffect(() => {
    if (!wantsNew) return;
    newEvent();
    go({});
    // Once per `?new`: the form opens and the address forgets it.
  }, [wantsNew]);

  const open = (item: CalendarItem) => (item.href ? navigate(item.href) : setOpenId(item.id));
  const change = (item: CalendarItem, times: { start: string; end: string }) => {
    const event = eventsById.get(item.id);
    if (event) operations.update.mutate({ event, patch: times });
  };
  const closeDialog = () => {
    setDraft(null);
    setOpenId(null);
  };
  /** An edit shows at once (and goes back on failure); a new event's form stays open until it is created, so a refusal loses nothing typed. */
  const save = (fields: EventFields) => {
    if (!opened)
      return operations.create.mutate({ ...fields, start: fields.start!, end: fields.end! }, { onSuccess: closeDialog });
    operations.update.mutate({ event: opened, patch: fields });
    closeDialog();
  };
  const remove = (event: CalendarEvent) => {
    operations.remove.mutate(event);
    closeDialog();
  };

  const span = { from: format.shortDay(days[0]!), to: format.shortDay(days[days.length - 1]!) };
  const title = view === 'month' ? format.month(anchor) : t(view === 'week' ? 'weekTitle' : 'agendaTitle', span);
  const empty = events.data && items.length === 0;

  return (
    <Page
      titleId="calendar-title"
      title={t('translation:calendar.title')}
      className="calendar-page"
      actions={
        <div className="cal-toolbar">
          <Button variant="primary" onClick={newEvent}>
            <Icon name="plus" /> {t('newEvent')}
          </Button>
          <label className="cal-check">
            <input type="checkbox" checked={showTasks} onChange={(e) => setShowTasks(e.target.checked)} /> {t('showTasks')}
          </label>
          <Button aria-expanded={settings} aria-controls="cal-settings" onClick={() => setSettings(!settings)}>
            <Icon name="settings" /> {t('settings')}
          </Button>
        </div>
      }
    >
      <div className="cal-nav">
        <Button icon aria-label={t('previous')} onClick={() => step(-1)}>
          <Icon name="chevronLeft" />
        </Button>
        <Button onClick={today}>{t('today')}</Button>
        <Button icon aria-label={t('next')} onClick={() => step(1)}>
          <Icon name="chevronRight" />
        </Button>
        <h2 className="cal-range-title" aria-live="polite">
          {title}
        </h2>
        <ChoiceGroup
          legend={t('view')}
          value={view}
          options={views.map((value) => ({ value, label: t(`views.${value}`) }))}
          onChange={(next) => go({ view: next })}
        />
      </div>
      {events.error && !events.data ? (
        <div className="list-state list-state-error" role="alert">
          {t('translation:ui.loadError')}
          <Button onClick={() => void events.refetch()}>{t('translation:ui.retry')}</Button>
        </div>
      ) : null}
      {events.data?.truncated && <p className="muted">{t('truncated')}</p>}
      <div className="cal-body" aria-busy={events.isPending}>
        {view === 'week' && (
          <>
            {empty && <p className="muted cal-hint">{t('emptyWeek')}</p>}
            <WeekView days={days} items={items} now={now} format={format} onOpen={open} onCreate={setDraft} onChange={change} />
          </>
        )}
        {view === 'month' && (
          <MonthView
            days={days}
            anchor={anchor}
            items={items}
            now={now}
            format={format}
            onOpen={open}
            onDay={(day) => go({ view: 'week', anchor: day })}
          />
        )}
        {view === 'agenda' && events.data && (
          <>
            <AgendaView days={days} items={items} now={now} format={format} onOpen={open} />
            {agendaDays < AGENDA_MAX && (
              <Button onClick={() => setAgendaDays((n) => n + AGENDA_STEP)}>{t('agendaMore', { count: AGENDA_STEP })}</Button>
            )}
          </>
        )}
        {events.isPending && (
          <div className="list-state" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('translation:app.loading')}
          </div>
        )}
      </div>
      {settings && (
        <div id="cal-settings" className="cal-settings">
          <IcsImport />
          <Suspense fallback={<span className="spinner" aria-hidden="true" />}>
            <SubscriptionsPanel />
          </Suspense>
        </div>
      )}
      {(draft || opened) && (
        <EventDialog
          key={opened?.id ?? draft?.start}
          event={opened}
          draft={draft ?? { start: opened!.start, end: opened!.end, allDay: opened!.allDay }}
          zone={zone}
          pending={operations.create.isPending}
          onSave={save}
          onDelete={remove}
          onClose={closeDialog}
        />
      )}
    </Page>
  );
}
