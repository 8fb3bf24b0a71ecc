import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = { succeeded: 'green', planned: 'blue', failed: 'red', skipped: 'default', stopped: 'orange', waiting: 'gold' };

/** A run's or an action's outcome as a coloured tag. */
export function RunStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status] ?? 'default'} data-testid="run-status">
      {t(`workflows.status.${status}`)}
    </Tag>
  );
}
