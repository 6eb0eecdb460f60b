import { useTranslation } from 'react-i18next';
import { isWithin, useLocation } from '../../lib/location.ts';
import { Link } from '../../ui/link.tsx';
import { Page } from '../../ui/page.tsx';
import { useSession } from '../auth/session-store.ts';
import { PasswordSection } from './password-section.tsx';
import { ProfileSection } from './profile-section.tsx';
import { SessionsSection } from './sessions-section.tsx';
import { UsersPage } from './users-page.tsx';
import './messages.ts';
import './account.css';

/** `/account`: profile, password and sessions; `/account/users`: the administration of accounts (admins). */
export default function AccountPage() {
  const { t } = useTranslation('account');
  const { pathname } = useLocation();
  const session = useSession();
  const isAdmin = session.phase === 'signed-in' && session.user.role === 'admin';
  if (isWithin(pathname, '/account/users')) return <UsersPage isAdmin={isAdmin} />;
  return (
    <Page
      titleId="account-title"
      title={t('title')}
      intro={t('intro')}
      actions={isAdmin ? <Link to="/account/users">{t('users.manage')}</Link> : undefined}
    >
      <div className="account-sections">
        <ProfileSection />
        <PasswordSection />
        <SessionsSection />
      </div>
    </Page>
  );
}
