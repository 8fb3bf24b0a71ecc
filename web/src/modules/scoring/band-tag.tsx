import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = { hot: 'red', warm: 'orange', cold: 'blue' };

/** A lead's band (cold / warm / hot), with its score when known. */
export function BandTag({ band, score }: { band: string; score?: number | null }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[band] ?? 'default'} data-testid="score-band">
      {t(`scoring.bands.${band}`)}
      {score !== undefined && score !== null ? ` · ${score}` : ''}
    </Tag>
  );
}
