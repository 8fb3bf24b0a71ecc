import type { TFunction } from 'i18next';

/** "3 d 4 h" style durations for time in stage. */
export function formatDuration(seconds: number, t: TFunction): string {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.max(0, Math.floor((seconds % 3600) / 60));
  if (days > 0) return [t('deals.duration.days', { count: days }), hours ? t('deals.duration.hours', { count: hours }) : ''].filter(Boolean).join(' ');
  if (hours > 0) return t('deals.duration.hours', { count: hours });
  return t('deals.duration.minutes', { count: minutes });
}
