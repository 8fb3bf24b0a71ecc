import type { TFunction } from 'i18next';
import type { Pool } from './pool-api';

/** One line per active rule: "30 天未跟进 · 提前 5 天提醒". */
export function ruleSummary(pool: Pool, t: TFunction): string {
  if (!pool.recycleEnabled || (pool.followupDays === null && pool.dealDays === null)) return t('pool.rules.off');
  return [
    pool.followupDays !== null && t('pool.rules.followup', { days: pool.followupDays }),
    pool.dealDays !== null && t('pool.rules.deal', { days: pool.dealDays }),
    pool.remindDays ? t('pool.rules.remind', { days: pool.remindDays }) : false,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The caller's standing against the pool's limits, as short tags; held counts records of the pool's object. */
export function limitLines(pool: Pool, t: TFunction): string[] {
  const { held, claimsToday } = pool.mine;
  const context = pool.object;
  return [
    pool.maxHeld !== null ? t('pool.limits.held', { held, max: pool.maxHeld, context }) : t('pool.limits.heldNoMax', { held, context }),
    pool.maxClaimsPerDay !== null
      ? t('pool.limits.today', { count: claimsToday, max: pool.maxClaimsPerDay })
      : t('pool.limits.todayNoMax', { count: claimsToday }),
    ...(pool.reclaimCooldownDays > 0 ? [t('pool.limits.cooldown', { days: pool.reclaimCooldownDays })] : []),
  ];
}
