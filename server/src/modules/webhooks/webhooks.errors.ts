import { AppError, invalid } from '#platform/errors/app-error.ts';

/** The webhooks module's refusals; messages live in ./locales under `webhooks.`. */
export const webhooksErrors = {
  adminOnly: () => new AppError('forbidden', { message: 'webhooks.admin_only' }),
  badUrl: () => invalid('url', 'webhooks.bad_url'),
  badScheme: () => invalid('url', 'webhooks.bad_scheme'),
  credentialsInUrl: () => invalid('url', 'webhooks.credentials_in_url'),
  refusedAddress: (address: string) => invalid('url', 'webhooks.refused_address', { address }),
  unresolvable: (host: string) => invalid('url', 'webhooks.unresolvable', { host }),
  unknownEvent: (index: number, event: string) => invalid(`events.${index}`, 'webhooks.unknown_event', { event }),
  filterNeedsObject: () => invalid('filter', 'webhooks.filter_needs_object'),
  skippedDelivery: () => new AppError('conflict', { message: 'webhooks.delivery_skipped' }),
  badFilter: (object: string, detail: string) => invalid('filter', 'webhooks.bad_filter', { object, detail }),
};
