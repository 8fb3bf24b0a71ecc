import type { FieldType } from '../query/catalog.ts';

export const CUSTOM_FIELD_TYPES = [
  'text',
  'longtext',
  'number',
  'decimal',
  'date',
  'datetime',
  'boolean',
  'select',
  'multiselect',
  'user',
  'url',
  'email',
  'phone',
  'lookup',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** An object that carries custom fields: any registry object with the `customFields` capability. */
export type CustomizableObject = string;

export type Localized = { zh?: string | undefined; en?: string | undefined };
export type FieldOption = { value: string; label: Localized };

export type CustomFieldDef = {
  id: string;
  object: CustomizableObject;
  key: string;
  label: Localized;
  type: CustomFieldType;
  required: boolean;
  unique: boolean;
  sensitive: boolean;
  defaultValue: unknown;
  options: FieldOption[];
  /** For a lookup: the object (registry name) whose record it points to. */
  target: string | null;
  position: number;
  version: number;
};

/** How each custom type filters and sorts (the one filter grammar). */
export const FILTER_TYPE: Record<CustomFieldType, FieldType> = {
  text: 'text',
  longtext: 'text',
  url: 'text',
  email: 'text',
  phone: 'text',
  number: 'number',
  decimal: 'decimal',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
  select: 'enum',
  multiselect: 'tags',
  user: 'uuid',
  lookup: 'uuid',
};
