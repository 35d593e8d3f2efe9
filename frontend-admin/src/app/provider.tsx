import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useState, type ReactNode } from 'react';
import { theme } from '@/config/theme';
import { connectSession } from '@/lib/auth';
import { useLanguage } from '@/lib/i18n';
import { createQueryClient } from '@/lib/query-client';

type AppProviderProps = { children: ReactNode; queryClient?: QueryClient };

export function AppProvider({ children, queryClient }: AppProviderProps) {
  const [client] = useState(() => {
    const created = queryClient ?? createQueryClient();
    // State-changing requests take their CSRF token from this client's `me`.
    connectSession(created);
    return created;
  });
  const { language } = useLanguage();
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp component={false}>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
