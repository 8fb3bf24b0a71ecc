import { objectByName, useObjects } from '#shared/objects/use-objects';
import { recordUrl } from '#shared/objects/record-url';
import type { Notification } from './notifications-api';

/** Where a notification leads: its record's page, when the record has one. */
export function useNotificationLink(): (n: Notification) => string | null {
  const { objects } = useObjects();
  return (n) => (n.link ? recordUrl(objectByName(objects, n.link.object), n.link.id) : null);
}
