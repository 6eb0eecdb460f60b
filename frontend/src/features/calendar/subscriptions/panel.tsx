import { useTranslation } from 'react-i18next';
import { LoadState, queryState } from '../../../ui/load-state.tsx';
import { FeedSection } from './feed-section.tsx';
import { SubscriptionForm } from './subscription-form.tsx';
import { SubscriptionRow } from './subscription-row.tsx';
import { useSubscriptions } from './use-subscriptions.ts';
import './messages.ts';
import './subscriptions.css';

/** Préférences' calendar panel: ICS subscriptions (each fetched by the server), and the private feed. */
export default function CalendarSubscriptionsPanel() {
  const { t } = useTranslation('calendarSubscriptions');
  const subscriptions = useSubscriptions();
  return (
    <section className="card calendar-subscriptions" aria-labelledby="calendar-subscriptions-title">
      <h2 id="calendar-subscriptions-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <h3>{t('subscriptions')}</h3>
      <LoadState
        {...queryState(subscriptions)}
        data={subscriptions.data?.items}
        isEmpty={(items) => items.length === 0}
        empty={t('empty')}
      >
        {(items) => (
          <ul className="calendar-subscription-list">
            {items.map((subscription) => (
              <SubscriptionRow key={subscription.id} subscription={subscription} />
            ))}
          </ul>
        )}
      </LoadState>
      <SubscriptionForm />
      <FeedSection />
    </section>
  );
}
