import type { ApiItem } from '#shared/api/api-types';
import type { FilterOp } from '#shared/filter/filter-types';

/** Types an admin can give a custom field: the server's list, from its API. */
export type CustomFieldType = ApiItem<'/api/v1/custom-fields'>['type'];

// A record over the server's union (in the order the UI offers them): a type added or removed
// there fails the web build until it is here too.
const TYPES: Record<CustomFieldType, true> = {
  text: true,
  longtext: true,
  number: true,
  decimal: true,
  date: true,
  datetime: true,
  boolean: true,
  select: true,
  multiselect: true,
  user: true,
  url: true,
  email: true,
  phone: true,
  lookup: true,
};
export const CUSTOM_FIELD_TYPES = Object.keys(TYPES) as readonly CustomFieldType[];

/** Built-in fields add a few composite types. */
export type FieldType = CustomFieldType | 'phones' | 'emails' | 'address' | 'tags' | 'company' | 'money';

export type LocalizedText = { zh: string; en: string };
export type FieldOption = { value: string; label: LocalizedText };

export type FieldDef = {
  /** API key: `name`, `companyId`, or `custom.<key>` for custom fields. */
  key: string;
  type: FieldType;
  /** i18n key for built-in fields, a literal pair for custom ones. */
  label: string | LocalizedText;
  options?: FieldOption[];
  required?: boolean;
  sensitive?: boolean;
  custom?: boolean;
  readOnly?: boolean;
  /** Shown in the list's default columns. */
  listDefault?: boolean;
  sortable?: boolean;
  filterable?: boolean;
  maxLength?: number;
  /** The name the list API filters this field by, when it differs from `key` (phones -> phone). */
  filterKey?: string;
  defaultValue?: unknown;
  /** A lookup field's target: the registry name of the object it points to ('company', 'distributors'). */
  target?: string;
};

const TEXT_OPS: FilterOp[] = ['contains', 'eq', 'ne', 'startsWith', 'isEmpty'];
const NUM_OPS: FilterOp[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'isEmpty'];
const DATE_OPS: FilterOp[] = ['between', 'gte', 'lte', 'gt', 'lt', 'eq', 'isEmpty'];
const CHOICE_OPS: FilterOp[] = ['eq', 'ne', 'in', 'nin', 'isEmpty'];

/** Operators the filter builder offers for a field type. */
export function opsForType(type: FieldType): FilterOp[] {
  switch (type) {
    case 'text':
    case 'longtext':
    case 'url':
    case 'email':
    case 'phone':
    case 'phones':
    case 'emails':
    case 'address':
      return TEXT_OPS;
    case 'number':
    case 'decimal':
    case 'money':
      return NUM_OPS;
    case 'date':
    case 'datetime':
      return DATE_OPS;
    case 'boolean':
      return ['eq'];
    case 'select':
    case 'user':
    case 'company':
    case 'lookup':
      return CHOICE_OPS;
    case 'multiselect':
    case 'tags':
      return ['contains', 'in', 'isEmpty'];
  }
}
