import { api } from '#shared/api/client';
import type { ListResponse } from '#shared/api/types';
import type { CustomFieldType, FieldDef, FieldOption, LocalizedText } from './field-types';

export type CustomFieldDef = {
  id: string;
  object: string;
  key: string;
  label: Partial<LocalizedText>;
  type: CustomFieldType;
  required: boolean;
  unique: boolean;
  sensitive: boolean;
  defaultValue: unknown;
  options: FieldOption[];
  position: number;
  /** A lookup field's target object (registry name); null for other types. */
  target?: string | null;
  version?: number;
};

export type CustomFieldInput = Omit<CustomFieldDef, 'id' | 'version'>;

export const customFieldsApi = {
  list: async (): Promise<CustomFieldDef[]> => (await api<ListResponse<CustomFieldDef>>('/custom-fields')).data,
  create: (body: CustomFieldInput) => api<CustomFieldDef>('/custom-fields', { method: 'POST', body }),
  update: (id: string, body: Partial<CustomFieldInput>, version?: number) =>
    api<CustomFieldDef>(`/custom-fields/${id}`, { method: 'PATCH', body, ...(version !== undefined ? { ifMatch: version } : {}) }),
  remove: (id: string) => api<void>(`/custom-fields/${id}`, { method: 'DELETE' }),
};

export const CUSTOM_FIELDS_KEY = ['custom-fields'] as const;

/** A custom field definition as a form/list field. */
export function toFieldDef(def: CustomFieldDef): FieldDef {
  return {
    key: `custom.${def.key}`,
    type: def.type,
    label: { zh: def.label.zh ?? '', en: def.label.en ?? '' },
    options: def.options,
    required: def.required,
    sensitive: def.sensitive,
    custom: true,
    sortable: def.type !== 'multiselect' && def.type !== 'lookup',
    filterable: true,
    defaultValue: def.defaultValue,
    ...(def.type === 'lookup' && def.target ? { target: def.target } : {}),
  };
}
