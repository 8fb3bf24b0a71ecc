import { AppError, invalid } from '#platform/errors/app-error.ts';

/** The tickets module's refusals; messages live in ./locales under `tickets.`. */
export const ticketsErrors = {
  /** A public reply needs an address: the ticket's requester e-mail or its contact's. */
  noRecipient: () => invalid('kind', 'tickets.no_recipient'),
  unknownMention: () => invalid('mentions', 'tickets.unknown_mention'),
  /** The ticket changed between reading and writing (cannot happen under the row lock; kept as a loud guard). */
  /** A merge into itself, into a ticket that was merged away, or of a ticket already merged. */
  badMerge: () => invalid('targetId', 'tickets.bad_merge'),
  /** Only a ticket's own customer or agent messages split off (not the last one left). */
  cannotSplit: () => invalid('messageId', 'tickets.cannot_split'),
  /** Marking another agent available or not takes an admin. */
  notYourAvailability: () => new AppError('forbidden', { message: 'tickets.not_your_availability' }),
  changedMeanwhile: () => new AppError('conflict', { message: 'tickets.changed_meanwhile' }),
  /** The desk's reopen settings are the admins'. */
  deskSettingsAdminOnly: () => new AppError('forbidden', { message: 'tickets.desk_settings_admin_only' }),
  /** The settings changed since they were read (If-Match). */
  staleSettings: (expected: number, actual: number) => new AppError('precondition_failed', { params: { expected, actual } }),
};
