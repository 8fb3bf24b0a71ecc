import { Alert, Button, Divider, Drawer, Input, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#shared/api/problem';
import { emptyGroup, filterToGroup, groupToFilter } from '#shared/filter/filter-model';
import type { ConditionGroup, Filter } from '#shared/filter/filter-types';
import { FilterBuilder } from '#shared/filter/ui/filter-builder';
import { objectLabel, useObjects } from '#shared/objects/use-objects';
import { ActionsEditor } from './actions-editor';
import { DryRunPanel } from './dry-run-panel';
import { useRelatedFields, useRuleFields } from './rule-fields';
import { TriggerEditor } from './trigger-editor';
import { type RuleInput, type WorkflowRule, workflowsApi } from './workflows-api';
import { AttentionAlert } from '#shared/ui/attention';

type Props = { open: boolean; editing: WorkflowRule | null; onClose: () => void; onSaved: () => void };
type Draft = Omit<RuleInput, 'conditions'> & { group: ConditionGroup };

const blank = (): Draft => ({ name: '', description: null, object: 'contact', trigger: { type: 'created' }, group: emptyGroup(), actions: [], enabled: false });
const draftOf = (r: WorkflowRule): Draft => ({
  name: r.name,
  description: r.description,
  object: r.object,
  trigger: r.trigger,
  group: r.conditions ? filterToGroup(r.conditions as Filter) : emptyGroup(),
  actions: r.actions,
  enabled: r.enabled,
});
const inputOf = ({ group, ...d }: Draft): RuleInput => ({ ...d, conditions: (groupToFilter(group) as Record<string, unknown> | null) ?? null });

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <Divider titlePlacement="start" style={{ marginTop: 8 }}>
        {title}
      </Divider>
      {children}
    </>
  );
}

/** The rule builder: object, trigger, conditions (the filter builder), ordered actions, and a dry run. */
export function RuleEditor({ open, editing, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const { objects } = useObjects();
  const [draft, setDraft] = useState<Draft>(blank);
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const { def, fields } = useRuleFields(draft.object);
  const related = useRelatedFields(fields);
  const conditionFields = useMemo(() => [...fields, ...related], [fields, related]);
  useEffect(() => {
    if (!open) return;
    setDraft(editing ? draftOf(editing) : blank());
    setProblems([]);
  }, [open, editing]);
  const patch = (next: Partial<Draft>) => setDraft((d) => ({ ...d, ...next }));
  const input = useMemo(() => inputOf(draft), [draft]);
  const recordObjects = objects.filter((o) => o.record && o.path);

  // `actions.1.subject` -> "Then 2": where in the builder a problem is.
  const where = (field: string) => {
    const [head, index] = field.split('.');
    if (head === 'actions' && index) return `${t('workflows.then')} ${Number(index) + 1}`;
    const section: Record<string, string> = { trigger: 'when', conditions: 'if', name: 'name', object: 'object' };
    return head && section[head] ? t(`workflows.${section[head]}`) : field;
  };
  const save = async () => {
    setSaving(true);
    setProblems([]);
    try {
      if (editing) await workflowsApi.update(editing.id, input, editing.version);
      else await workflowsApi.create(input);
      onSaved();
    } catch (e) {
      setProblems(isApiError(e) && e.fieldErrors.length ? e.fieldErrors.map((f) => `${where(f.field)}: ${f.message}`) : [(e as Error).message]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={Math.min(900, typeof window === 'undefined' ? 900 : window.innerWidth)}
      title={editing ? t('workflows.edit') : t('workflows.create')}
      destroyOnHidden
      data-testid="rule-editor"
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={save} data-testid="rule-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {editing?.attention && (
        <AttentionAlert
          label={t('workflows.attention')}
          hint={t('workflows.attentionHint', { fields: editing.attention.fields.join(', ') })}
          testId="rule-attention-alert"
          style={{ marginBottom: 12 }}
        />
      )}
      {problems.length > 0 && (
        <Alert
          ref={(el) => el?.nativeElement?.scrollIntoView({ block: 'nearest' })}
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('workflows.fixProblems')}
          description={problems.map((p) => <div key={p}>{p}</div>)}
          data-testid="rule-problems"
        />
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input value={draft.name} onChange={(e) => patch({ name: e.target.value })} placeholder={t('workflows.name')} data-testid="rule-name" />
        <Input.TextArea
          value={draft.description ?? ''}
          onChange={(e) => patch({ description: e.target.value || null })}
          placeholder={t('workflows.description')}
          autoSize={{ minRows: 1, maxRows: 3 }}
        />
        <Space wrap>
          <Typography.Text>{t('workflows.object')}</Typography.Text>
          <Select
            value={draft.object}
            onChange={(object) => patch({ object, group: emptyGroup(), actions: [], trigger: { type: 'created' } })}
            options={recordObjects.map((o) => ({ value: o.name, label: objectLabel(o, i18n.language) }))}
            style={{ width: 200 }}
            disabled={!!editing}
            data-testid="rule-object"
          />
          <Switch
            checked={draft.enabled}
            onChange={(enabled) => patch({ enabled })}
            checkedChildren={t('workflows.on')}
            unCheckedChildren={t('workflows.off')}
          />
        </Space>
      </Space>
      <Section title={t('workflows.when')}>
        <TriggerEditor
          value={draft.trigger}
          onChange={(trigger) => patch({ trigger })}
          fields={fields}
          hasStages={fields.some((f) => f.key === 'stageId')}
          object={draft.object}
          rule={editing}
        />
      </Section>
      <Section title={t('workflows.if')}>
        {def ? (
          <FilterBuilder key={draft.object} fields={conditionFields} value={draft.group} onChange={(group) => patch({ group })} />
        ) : (
          <Typography.Text type="secondary">{t('workflows.noConditionBuilder')}</Typography.Text>
        )}
      </Section>
      <Section title={t('workflows.then')}>
        <ActionsEditor value={draft.actions} onChange={(actions) => patch({ actions })} fields={fields} object={draft.object} />
      </Section>
      <Section title={t('workflows.test')}>
        <DryRunPanel rule={input} fields={fields} />
      </Section>
    </Drawer>
  );
}
