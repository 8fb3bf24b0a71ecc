import { api } from '#shared/api/client';
import type { ApiBody, ApiItem, ApiResponse } from '#shared/api/api-types';
import type { FieldDef } from './field-types';

export type CustomFieldDef = ApiItem<'/api/v1/custom-fields'>;

export type CustomFieldInput = ApiBody<'/api/v1/custom-fields', 'post'>;

export const customFieldsApi = {
  list: async (): Promise<CustomFieldDef[]> => (await api<ApiResponse<'/api/v1/custom-fields'>>('/custom-fields')).data,
  create: (body: CustomFieldInput) => api<CustomFieldDef>('/custom-fields', { method: 'POST', body }),
  update: (id: string, body: ApiBody<'/api/v1/custom-fields/{id}', 'patch'>, version?: number) =>
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
    // The API may leave a label's language out; the form shows it empty.
    options: def.options.map((o) => ({ value: o.value, label: { zh: o.label.zh ?? '', en: o.label.en ?? '' } })),
    required: def.required,
    sensitive: def.sensitive,
    custom: true,
    sortable: def.type !== 'multiselect' && def.type !== 'lookup',
    filterable: true,
    defaultValue: def.defaultValue,
    ...(def.type === 'lookup' && def.target ? { target: def.target } : {}),
  };
}
