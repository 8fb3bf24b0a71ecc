import { ClockCircleOutlined, LogoutOutlined, PlusOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Space } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth, useMe } from '#shared/auth/session';
import { can } from '#shared/auth/permissions';
import { NotificationBell } from '#modules/notifications';
import { GlobalSearch } from './global-search';
import styles from './header-bar.module.css';
import { LanguageSwitch } from './language-switch';
import { useHotkey } from './use-hotkey';

// Forms and modals stay out of the shell's first download until someone opens their preferences.
const PreferencesModal = lazy(() => import('./preferences-modal').then((m) => ({ default: m.PreferencesModal })));

export function HeaderBar({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const { logout, timeZone } = useAuth();
  const [prefsOpen, setPrefsOpen] = useState(false);
  const navigate = useNavigate();
  const [searchOpen, setSearchOpen] = useState(false);
  useHotkey('k', () => setSearchOpen(true));
  const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

  const createItems = [
    can(me, 'company', 'create') && { key: '/companies/new', label: t('nav.newCompany') },
    can(me, 'contact', 'create') && { key: '/contacts/new', label: t('nav.newContact') },
  ].filter((x): x is { key: string; label: string } => !!x);

  return (
    <div className={styles.bar}>
      <button type="button" className={styles.search} onClick={() => setSearchOpen(true)} data-testid="global-search-trigger">
        <SearchOutlined />
        {!compact && <span className={styles.placeholder}>{t('search.placeholder')}</span>}
        {!compact && <kbd className={styles.kbd}>{isMac ? '⌘' : 'Ctrl'} K</kbd>}
      </button>
      <div className={styles.spacer} />
      <Space size={compact ? 0 : 4}>
        {createItems.length > 0 && (
          <Dropdown menu={{ items: createItems, onClick: ({ key }) => navigate(key) }} trigger={['click']}>
            <Button type="primary" icon={<PlusOutlined />} aria-label={t('nav.quickCreate')}>
              {!compact && t('nav.quickCreate')}
            </Button>
          </Dropdown>
        )}
        <NotificationBell compact={compact} />
        {!compact && <LanguageSwitch />}
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'name', label: me.user.email, disabled: true, icon: <UserOutlined /> },
              ...(compact ? [{ key: 'lang', label: <LanguageSwitch /> }] : []),
              { key: 'prefs', label: t('preferences.menu', { zone: timeZone }), icon: <ClockCircleOutlined />, 'data-testid': 'open-preferences' },
              { type: 'divider' as const },
              { key: 'logout', label: t('header.logout'), icon: <LogoutOutlined /> },
            ],
            onClick: async ({ key }) => {
              if (key === 'prefs') setPrefsOpen(true);
              if (key === 'logout') {
                await logout();
                navigate('/login', { replace: true });
              }
            },
          }}
        >
          <Button type="text" className={styles.user} data-testid="user-menu">
            <Avatar size="small" style={{ background: '#5b3cc4' }}>
              {me.user.name.slice(0, 1).toUpperCase()}
            </Avatar>
            {!compact && <span>{me.user.name}</span>}
          </Button>
        </Dropdown>
      </Space>
      <GlobalSearch open={searchOpen} onClose={() => setSearchOpen(false)} />
      {prefsOpen && (
        <Suspense fallback={null}>
          <PreferencesModal open onClose={() => setPrefsOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
