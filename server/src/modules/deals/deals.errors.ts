import { AppError, invalid } from '#platform/errors/app-error.ts';

/** The deals module's refusals (deals, pipelines, stages, exchange rates); messages live in ./locales under `deals.`. */
export const dealsErrors = {
  forbidden: () => new AppError('forbidden'),
  /** 412 when the client's If-Match (or a concurrent write) names another version than the stored one. */
  staleVersion: (expected: number, actual: number) => new AppError('precondition_failed', { params: { expected, actual } }),
  invalidCursor: () => new AppError('bad_request', { message: 'deals.invalid_cursor' }),
  stageNotFound: () => new AppError('not_found', { params: { object: 'stage' } }),
  pipelineClosed: () => new AppError('conflict', { message: 'deals.pipeline_closed' }),
  rateForBaseCurrency: () => invalid('currency', 'deals.rate_for_base_currency'),
  duplicateRate: () => new AppError('duplicate', { params: { object: 'exchange_rate', field: 'effectiveDate' } }),
  /** A stage set without an open, won or lost stage; `problem` is the message key from the rules. */
  badStageSet: (field: 'stages' | 'type', problem: string) => invalid(field, problem),
  stageSetConflict: (problem: string) => new AppError('conflict', { message: problem }),
  defaultPipelineClosed: () => invalid('closed', 'deals.default_pipeline_closed'),
  defaultPipelineDelete: () => new AppError('conflict', { message: 'deals.default_pipeline_delete' }),
  pipelineInUse: () => new AppError('conflict', { message: 'deals.pipeline_in_use' }),
  stageTypeInUse: () => new AppError('conflict', { message: 'deals.stage_type_in_use' }),
  stageInUse: () => new AppError('conflict', { message: 'deals.stage_in_use' }),
  reorderMismatch: () => invalid('ids', 'deals.reorder_mismatch'),
};
