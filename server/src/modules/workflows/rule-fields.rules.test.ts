import { describe, expect, it } from 'vitest';
import { ownField, ruleFields } from './rule-fields.rules.ts';
import type { TAction } from './workflows.schema.ts';

describe('the fields a saved rule reads or writes', () => {
  it('maps a path to its own record field, not an owner, payload or referenced record', () => {
    expect(ownField('phones.0.number', 'contact')).toBe('phones');
    expect(ownField('contact.phones', 'contact')).toBe('phones');
    expect(ownField('custom.passport', 'contact')).toBe('custom.passport');
    expect(ownField('owner.name', 'contact')).toBeNull();
    expect(ownField('payload.source', 'contact')).toBeNull();
    expect(ownField('company.industry', 'contact')).toBe('company');
  });

  it('collects the trigger, conditions (through and/or, change operators), written, computed and merged fields', () => {
    const actions: TAction[] = [
      { type: 'update_fields', updates: [{ field: 'description', value: { kind: 'template', template: '{{title}} {{owner.name}}' } }] },
      { type: 'update_fields', updates: [{ field: 'custom.next', value: { kind: 'addDays', from: 'custom.renewal', days: 3 } }] },
      { type: 'create_task', subject: 'Call {{phones}}', dueInDays: 1, assigneeId: null },
      { type: 'add_tags', field: 'tags', tags: ['vip'] },
    ];
    const fields = ruleFields({
      object: 'contact',
      trigger: { type: 'updated', field: 'city' },
      conditions: { or: [{ idNumber: { isEmpty: false } }, { and: [{ status: { changedTo: 'won' } }, { 'payload.x': { eq: 1 } }] }] },
      actions,
    });
    expect(fields.sort()).toEqual(['city', 'custom.next', 'custom.renewal', 'description', 'idNumber', 'phones', 'status', 'tags', 'title'].sort());
  });
});
