import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectionStatus } from '../../api/connection-status.ts';
import { Button } from '../../ui/button.tsx';
import { createStore, useStore } from '../../lib/store.ts';
import type { Store } from '../../lib/store.ts';
import { Icon } from '../../ui/icon.tsx';
import type { IconName } from '../../ui/icon.tsx';
import { signOut, useSession } from '../auth/session-store.ts';
import type { FeatureDefinition } from '../registry.ts';
import { Link } from '../../ui/link.tsx';
import { isWithin, useLocation } from '../../lib/location.ts';

interface SidebarProps {
  features: readonly FeatureDefinition[];
  collapsed: boolean;
  onToggleCollapsed: () => void;
  /** Called after a navigation, so the mobile drawer closes. */
  onNavigate: () => void;
}

interface NavItemProps {
  to: string;
  icon: IconName;
  label: string;
  onNavigate: () => void;
  badge?: Store<number> | undefined;
}

const noBadge = createStore(0);

function NavItem({ to, icon, label, onNavigate, badge }: NavItemProps) {
  const { pathname } = useLocation();
  const current = isWithin(pathname, to);
  const count = useStore(badge ?? noBadge);
  return (
    <li>
      <Link to={to} className="nav-item" aria-current={current ? 'page' : undefined} title={label} onClick={onNavigate}>
        <Icon name={icon} />
        <span className="nav-label">{label}</span>
        {/* The space keeps "Discussions 3" apart in the link's accessible name; flex layout ignores it. */}
        {count > 0 && (
          <>
            {' '}
            <span className="nav-badge">{count > 99 ? '99+' : count}</span>
          </>
        )}
      </Link>
    </li>
  );
}

/** The connection's dot: its own subscriber, so that a change of the connection renders only it. */
function OfflineDot() {
  const { t } = useTranslation();
  const status = useConnectionStatus();
  return (
    status === 'offline' && (
      <span className="offline-dot" role="status" title={t('shell.offline')}>
        <span className="visually-hidden">{t('shell.offline')}</span>
      </span>
    )
  );
}

/** Memoized: the shell renders again on each change of the connection, which leaves the navigation as it is. */
export const Sidebar = memo(function Sidebar({ features, collapsed, onToggleCollapsed, onNavigate }: SidebarProps) {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.phase === 'signed-in' ? session.user : undefined;
  return (
    <div className="sidebar-inner">
      <div className="sidebar-brand">
        <span className="brand-mark" aria-hidden="true">
          P
        </span>
        <span className="nav-label brand-name">{t('app.name')}</span>
        <OfflineDot />
      </div>
      <nav aria-label={t('shell.navigation')} className="sidebar-nav">
        <ul>
          {features.map((feature) => (
            <NavItem
              key={feature.id}
              to={feature.path}
              icon={feature.icon}
              label={t(feature.title)}
              onNavigate={onNavigate}
              badge={feature.badge}
            />
          ))}
        </ul>
      </nav>
      <div className="sidebar-footer">
        <ul>
          <NavItem to="/preferences" icon="settings" label={t('preferences.title')} onNavigate={onNavigate} />
          <NavItem to="/account" icon="user" label={t('auth.account')} onNavigate={onNavigate} />
        </ul>
        {user && (
          <p className="nav-label sidebar-user" title={t('shell.signedInAs', { name: user.username })}>
            {user.displayName}
          </p>
        )}
        <div className="sidebar-actions">
          <Button variant="ghost" className="nav-item" onClick={() => void signOut()} title={t('auth.signOut')}>
            <Icon name="logout" />
            <span className="nav-label">{t('auth.signOut')}</span>
          </Button>
          <Button
            variant="ghost"
            icon
            className="collapse-toggle"
            aria-label={collapsed ? t('shell.expandSidebar') : t('shell.collapseSidebar')}
            aria-expanded={!collapsed}
            onClick={onToggleCollapsed}
          >
            <Icon name={collapsed ? 'chevronRight' : 'chevronLeft'} />
          </Button>
        </div>
      </div>
    </div>
  );
});
