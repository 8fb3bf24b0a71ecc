import { AppError, type FieldError, notFound } from '#platform/errors/app-error.ts';

/** The notifications module's refusals; messages live in ./locales under `notifications.`. */
export const notificationsErrors = {
  /** Notifications are personal: a caller that is no user (an API token of none) has none. */
  noUser: () => new AppError('forbidden'),
  notFound: () => notFound('notification'),
  /** Preferences naming kinds no module declares, each on its row. */
  unknownKinds: (errors: FieldError[]) => new AppError('validation', { errors }),
};
