import type { ComponentType } from 'react';

/** The groups of Settings' section list, in the order they are shown. */
export const SETTINGS_GROUPS = ['organization', 'customization', 'sales', 'service', 'automation', 'privacy'] as const;
export type SettingsGroup = (typeof SETTINGS_GROUPS)[number];

/**
 * One section of Settings, declared by the feature that owns its page (the feature's index.ts
 * exports its sections; app/settings-page.tsx hands them all to Settings). Its label is the
 * feature's `settings.sections.<key>` message.
 */
export type SettingsSection = {
  key: string;
  group: SettingsGroup;
  page: ComponentType;
  /** The route below /settings when the page has routes of its own (`privacy-requests/*`); defaults to `key`. */
  path?: string;
  /** Who sees it besides administrators: rule builders (the `automation` permission) see sections marked so. */
  access?: 'automation';
};
