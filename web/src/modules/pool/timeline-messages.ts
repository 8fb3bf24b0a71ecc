import { addMessages } from '#app/i18n/messages';

// How pool moves read on a customer's timeline (another module's screen), so they load with the shell's nav entry.
addMessages({
  en: {
    timeline: {
      actions: {
        pool_recycled: '{{actor}}: recycled into the public pool (no follow-up or won deal in time)',
        pool_claimed: '{{actor}} claimed it from the public pool',
        pool_assigned: '{{actor}} assigned it from the public pool',
        pool_returned: '{{actor}} returned it to the public pool',
        pool_released: '{{actor}} released it to the public pool',
        pool_locked: '{{actor}} locked it against recycling',
        pool_unlocked: '{{actor}} unlocked it for recycling',
      },
    },
  },
  'zh-CN': {
    timeline: {
      actions: {
        pool_recycled: '{{actor}}：未按时跟进或成交，已收回公海',
        pool_claimed: '{{actor}} 从公海领取了该客户',
        pool_assigned: '{{actor}} 从公海分配了该客户',
        pool_returned: '{{actor}} 将该客户退回公海',
        pool_released: '{{actor}} 将该客户释放到公海',
        pool_locked: '{{actor}} 锁定了该客户（不回收）',
        pool_unlocked: '{{actor}} 解除了该客户的锁定',
      },
    },
  },
});
