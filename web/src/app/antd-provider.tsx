import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useLanguage } from '#app/i18n/use-language';

/** Every form scrolls to its first error (below the sticky header: global.css) and focuses it. */
const form = { scrollToFirstError: { focus: true } };

const theme = {
  token: {
    colorPrimary: '#1f5eff',
    borderRadius: 8,
    fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
  },
};

export function AntdProvider({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  return (
    <ConfigProvider locale={language === 'zh-CN' ? zhCN : enUS} theme={theme} form={form}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
