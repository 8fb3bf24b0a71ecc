import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '#shared/format/format';
import { SCORING_KEY, scoringApi, useModelStatus } from './scoring-api';

/** The predictive model: trained on which history, or why it is not ready; refit on demand. */
export function ModelCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data, isPending } = useModelStatus();
  const refit = async () => {
    try {
      await scoringApi.refit();
      await qc.invalidateQueries({ queryKey: SCORING_KEY });
      message.success(t('scoring.refitted'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Card
      title={t('scoring.predictive')}
      loading={isPending}
      extra={
        <Button onClick={() => void refit()} data-testid="model-refit">
          {t('scoring.refit')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('scoring.predictiveHelp')}</Typography.Paragraph>
      {data && (
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('scoring.modelStatus')}>
            {data.status === 'ready' ? t('scoring.modelReady') : t(`scoring.insufficient.${data.reason ?? 'not_trained'}`, { needed: data.needed })}
          </Descriptions.Item>
          <Descriptions.Item label={t('scoring.history')}>{t('scoring.wonLost', { won: data.won, lost: data.lost })}</Descriptions.Item>
          <Descriptions.Item label={t('scoring.trainedAt')}>{data.trainedAt ? formatDateTime(data.trainedAt, i18n.language) : '—'}</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
