import { TranslationOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '#shared/auth/session';
import { LANGUAGES, type Language } from '#app/i18n/languages';
import { useLanguage } from '#app/i18n/use-language';

const NATIVE: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { language, setLanguage } = useLanguage();
  return (
    // Opened by click, not hover: the same on touch screens, and a pick never races a menu closing under the pointer.
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [language],
        items: LANGUAGES.map((l) => ({ key: l, label: NATIVE[l] })),
        onClick: ({ key }) => void setLanguage(key as Language, { persist: !!me }),
      }}
    >
      <Button type="text" icon={<TranslationOutlined />} aria-label={t('header.language')} data-testid="language-switch">
        {NATIVE[language]}
      </Button>
    </Dropdown>
  );
}
