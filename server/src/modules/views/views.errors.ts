import { AppError } from '#platform/errors/app-error.ts';

/** The saved views' refusals (generic codes: no module messages). */
export const viewsErrors = {
  /** Someone else's shared view: readable, but only its author or an admin changes it. */
  notAuthor: () => new AppError('forbidden'),
};
