import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '#shared/ui/page-spinner';

type Head = { unconvertedDeals: number; baseCurrency: string };

/** Spinner on first load, the server's message on failure, a note when some deals could not be converted. */
export function ReportState({ query, children }: { query: UseQueryResult<Head>; children: ReactNode }) {
  const { t } = useTranslation();
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <Alert type="error" showIcon message={query.error.message} data-testid="report-error" />;
  return (
    <Flex vertical gap={16} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
      {query.data.unconvertedDeals > 0 && (
        <Alert type="warning" showIcon message={t('reports.unconverted', { count: query.data.unconvertedDeals, currency: query.data.baseCurrency })} />
      )}
      {children}
    </Flex>
  );
}
