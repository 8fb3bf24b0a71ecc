import { z } from 'zod';

const ZDay = z.iso.date().describe('A day, YYYY-MM-DD, read in the tenant’s time zone');
/** Sums leave SQL as numeric and travel as decimal strings ("12345.60"), never floats. */
const ZMoney = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .describe('A decimal amount in the base currency, as a string');
const ZRef = z.object({ id: z.string(), name: z.string() });
const ZLocalName = z.object({ zh: z.string().optional(), en: z.string().optional() });

/** The filter bar every report shares; omitted dates mean the current quarter. */
export const ZReportQuery = z
  .object({
    from: ZDay.optional().describe('First day of the period (default: first day of this quarter)'),
    to: ZDay.optional().describe('Last day of the period, included (default: last day of this quarter)'),
    teamId: z.uuid().optional().describe('Only owners in this team or a team below it'),
    ownerId: z.uuid().optional().describe('Only this owner'),
    pipelineId: z.uuid().optional().describe('Only this pipeline (the funnel defaults to the default pipeline)'),
  })
  .strict();
export type TReportQuery = z.infer<typeof ZReportQuery>;

const ZReportHead = {
  from: z.string(),
  to: z.string(),
  baseCurrency: z.string(),
  /** Deals left out of sums because no exchange rate converts their currency yet. */
  unconvertedDeals: z.number().int(),
};

const ZForecastFigures = z.object({
  /** Open deals by forecast category (each deal in exactly one). */
  pipeline: ZMoney,
  bestCase: ZMoney,
  commit: ZMoney,
  /** Won in the month (by won date). */
  closed: ZMoney,
  /** Open amount x probability. */
  weighted: ZMoney,
  openAmount: ZMoney,
  /** closed + weighted: what the period is expected to bring. */
  forecast: ZMoney,
  openDeals: z.number().int(),
  wonDeals: z.number().int(),
});
export type TForecastFigures = z.infer<typeof ZForecastFigures>;

export const ZForecastReport = z.object({
  ...ZReportHead,
  months: z.array(ZForecastFigures.extend({ month: z.string().describe('YYYY-MM') })),
  owners: z.array(ZForecastFigures.extend({ owner: ZRef.nullable(), team: ZRef.nullable() })),
  teams: z.array(ZForecastFigures.extend({ team: ZRef.nullable() })),
  totals: ZForecastFigures,
});
export type TForecastReport = z.infer<typeof ZForecastReport>;

export const ZFunnelStage = z.object({
  stage: z.object({ id: z.string(), name: ZLocalName, type: z.enum(['open', 'won']), probability: z.number() }),
  /** Deals of the cohort that reached this stage or a later one (skipping a stage still passes it). */
  reached: z.number().int(),
  /** Deals with a recorded entry into this very stage. */
  entered: z.number().int(),
  /** Reached the next step (moved on). */
  movedOn: z.number().int(),
  /** Still open here now. */
  current: z.number().int(),
  /** Lost with this as the furthest step reached. */
  lostHere: z.number().int(),
  /** movedOn / reached in percent (one decimal); null for the last step or when none reached. */
  conversion: z.number().nullable(),
  /** reached / cohort size in percent. */
  fromStart: z.number().nullable(),
  /** Mean days spent in this stage by cohort deals that left it. */
  avgDaysInStage: z.number().nullable(),
  reachedAmount: ZMoney,
});

export const ZFunnelReport = z.object({
  ...ZReportHead,
  pipeline: z.object({ id: z.string(), name: ZLocalName }).nullable(),
  /** Deals created in the period (the cohort followed through the stages). */
  cohort: z.number().int(),
  stages: z.array(ZFunnelStage),
});
export type TFunnelReport = z.infer<typeof ZFunnelReport>;

const ZWinLossFigures = z.object({
  won: z.number().int(),
  lost: z.number().int(),
  wonAmount: ZMoney,
  lostAmount: ZMoney,
  /** won / (won + lost) in percent, one decimal; null with nothing closed. */
  winRate: z.number().nullable(),
  winRateByAmount: z.number().nullable(),
  /** Days from creation to won, mean and median, one decimal. */
  avgCycleDays: z.number().nullable(),
  medianCycleDays: z.number().nullable(),
});

export const ZWinLossReport = z.object({
  ...ZReportHead,
  totals: ZWinLossFigures,
  owners: z.array(ZWinLossFigures.extend({ owner: ZRef.nullable() })),
  lostReasons: z.array(z.object({ reason: z.string().nullable(), deals: z.number().int(), amount: ZMoney, share: z.number() })),
});
export type TWinLossReport = z.infer<typeof ZWinLossReport>;

export const ZLeaderboardRow = z.object({
  owner: ZRef,
  team: ZRef.nullable(),
  wonAmount: ZMoney,
  wonDeals: z.number().int(),
  activities: z.number().int(),
  calls: z.number().int(),
  meetings: z.number().int(),
  emails: z.number().int(),
  notes: z.number().int(),
  tasksDone: z.number().int(),
});

export const ZLeaderboardReport = z.object({ ...ZReportHead, rows: z.array(ZLeaderboardRow) });
export type TLeaderboardReport = z.infer<typeof ZLeaderboardReport>;
export type TLeaderboardRow = z.infer<typeof ZLeaderboardRow>;
