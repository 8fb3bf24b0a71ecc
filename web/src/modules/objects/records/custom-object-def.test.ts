import type { TFunction } from 'i18next';
import type { ObjectMeta } from '#shared/objects/objects-api';
import { customObjectDef, isCustomRecordObject } from './custom-object-def';

const meta: ObjectMeta & { path: string } = {
  name: 'distributors',
  path: 'distributors',
  label: { zh: '经销商', en: 'Distributor' },
  custom: true,
  id: 'o1',
  record: true,
  actions: ['read', 'create', 'update', 'delete', 'export'],
  sensitiveFields: [],
  fields: [],
  capabilities: ['owned', 'customFields', 'recycleBin', 'export', 'search'],
};
const t = ((key: string, params?: { label?: string }) => `${key}:${params?.label ?? ''}`) as unknown as TFunction;

describe('customObjectDef', () => {
  it('serves the object at /o/<path> with its name as the title and custom fields after it', () => {
    const def = customObjectDef(meta, t, 'zh-CN');
    expect(def).toMatchObject({ object: 'distributors', entity: 'distributors', basePath: '/o/distributors', titleKey: 'name', customFieldsAt: 1 });
    expect(def.fields.map((f) => f.key)).toEqual(['name', 'ownerId', 'createdAt', 'updatedAt']);
    expect(def.fields[0]).toMatchObject({ required: true, maxLength: 200 });
    expect(def.titleOf({ id: 'r1', version: 1, createdAt: '', updatedAt: '', name: '华东经销' })).toBe('华东经销');
  });
  it('labels its pages in the UI language', () => {
    expect(customObjectDef(meta, t, 'zh-CN').texts).toMatchObject({ title: '经销商', new: 'objects.records.new:经销商' });
    expect(customObjectDef(meta, t, 'en').texts).toMatchObject({ title: 'Distributor', emptyTitle: 'objects.records.emptyTitle:Distributor' });
  });
  it('takes only custom record objects with a path', () => {
    expect(isCustomRecordObject(meta)).toBe(true);
    expect(isCustomRecordObject({ ...meta, custom: false })).toBe(false);
    expect(isCustomRecordObject({ ...meta, path: null })).toBe(false);
    expect(isCustomRecordObject(undefined)).toBe(false);
  });
});
