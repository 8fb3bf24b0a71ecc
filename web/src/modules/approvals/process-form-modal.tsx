import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Switch, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '#shared/api/client';
import { fieldLabel } from '#shared/fields/field-label';
import { emptyGroup, filterToGroup, groupToFilter } from '#shared/filter/filter-model';
import type { ConditionGroup, Filter } from '#shared/filter/filter-types';
import { FilterBuilder } from '#shared/filter/ui/filter-builder';
import { objectLabel, useObjects } from '#shared/objects/use-objects';
import { UserSelect } from '#shared/users/user-select';
import { type ApprovalProcess, type ApprovalStep, type ApproverSpec, approvalsApi, type ProcessInput } from './approvals-api';
import styles from './approvals.module.css';
import { useProcessFields } from './process-fields';
import { roleLabel } from '#shared/users/role-label';

type Outcome = { fieldUpdates: { field: string; value: string }[]; notify: string[] };
type StepValues = Omit<ApprovalStep, 'criteria'> & { group: ConditionGroup };
type Values = { object: string; name: string; description?: string; enabled: boolean; steps: StepValues[]; onApproved: Outcome; onRejected: Outcome };

const NOTIFY = ['submitter', 'owner', 'approvers'] as const;
const newStep = (): StepValues => ({
  name: '',
  approvers: [{ type: 'manager', level: 1 }],
  mode: 'any',
  group: emptyGroup(),
  timeoutHours: null,
  onTimeout: 'escalate',
  calendarId: null,
});
const outcomeIn = (o: ApprovalProcess['onApproved'] | undefined): Outcome => ({
  fieldUpdates: (o?.fieldUpdates ?? []).map((u) => ({ field: u.field, value: u.value === null ? '' : String(u.value) })),
  notify: o?.notify ?? ['submitter'],
});

function useRoles() {
  return useQuery({
    queryKey: ['roles', 'names'],
    queryFn: async () => (await api<{ data: { id: string; name: string }[] }>('/roles', { query: { limit: 200, fields: 'id,name' } })).data,
  });
}

/** The business calendars a step's timeout may count on (Settings > Business hours); none chosen: the default. */
function CalendarSelect(props: { value?: string | null; onChange?: (v: string | null) => void }) {
  const { t } = useTranslation();
  const { data = [] } = useQuery({
    queryKey: ['business-calendars'],
    queryFn: async () => (await api<{ data: { id: string; name: string; isDefault: boolean }[] }>('/business-calendars')).data,
  });
  return (
    <Select
      style={{ width: 200 }}
      allowClear
      placeholder={t('approvals.defaultCalendar')}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      options={data.map((c) => ({ value: c.id, label: c.isDefault ? `${c.name} (${t('approvals.defaultCalendar')})` : c.name }))}
    />
  );
}

function Approvers({ step }: { step: number }) {
  const { t } = useTranslation();
  const { data: roles = [] } = useRoles();
  return (
    <Form.List name={[step, 'approvers']}>
      {(items, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {items.map((item) => (
            <div key={item.key} className={styles.row}>
              <Form.Item name={[item.name, 'type']} noStyle>
                <Select
                  style={{ width: 170 }}
                  options={(['manager', 'user', 'role'] as const).map((v) => ({ value: v, label: t(`approvals.approverType.${v}`) }))}
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => {
                  const type = getFieldValue(['steps', step, 'approvers', item.name, 'type']);
                  if (type === 'user')
                    return (
                      <div style={{ width: 220 }}>
                        <Form.Item name={[item.name, 'userId']} noStyle rules={[{ required: true }]}>
                          <UserSelect />
                        </Form.Item>
                      </div>
                    );
                  if (type === 'role')
                    return (
                      <Form.Item name={[item.name, 'roleId']} noStyle rules={[{ required: true }]}>
                        <Select style={{ width: 220 }} options={roles.map((r) => ({ value: r.id, label: roleLabel(r, t) }))} />
                      </Form.Item>
                    );
                  return (
                    <Form.Item name={[item.name, 'level']} noStyle initialValue={1}>
                      <Select style={{ width: 220 }} options={[1, 2, 3].map((l) => ({ value: l, label: t(`approvals.level.${l}`) }))} />
                    </Form.Item>
                  );
                }}
              </Form.Item>
              <Button icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label="remove" />
            </div>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => add({ type: 'manager', level: 1 })} data-testid={`add-approver-${step}`}>
            {t('approvals.addApprover')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

function OutcomeEditor({ name, object }: { name: 'onApproved' | 'onRejected'; object: string | null }) {
  const { t, i18n } = useTranslation();
  const { settable } = useProcessFields(object);
  return (
    <Card size="small" title={t(`approvals.${name}`)} className={styles.stepCard}>
      <Form.List name={[name, 'fieldUpdates']}>
        {(items, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {items.map((item) => (
              <div key={item.key} className={styles.row}>
                <Form.Item name={[item.name, 'field']} noStyle rules={[{ required: true }]}>
                  <Select
                    style={{ minWidth: 180 }}
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={t('approvals.field')}
                    options={settable.map((f) => ({ value: f.key, label: fieldLabel(f, t, i18n.language) }))}
                  />
                </Form.Item>
                <Form.Item name={[item.name, 'value']} noStyle>
                  <Input style={{ width: 200 }} placeholder={t('approvals.value')} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label="remove" />
              </div>
            ))}
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ field: undefined, value: '' })}>
              {t('approvals.fieldUpdates')}
            </Button>
          </Space>
        )}
      </Form.List>
      <Form.Item name={[name, 'notify']} label={t('approvals.notify')} style={{ marginTop: 12, marginBottom: 0 }}>
        <Checkbox.Group options={NOTIFY.map((n) => ({ value: n, label: t(`approvals.notifyWho.${n}`) }))} />
      </Form.Item>
    </Card>
  );
}

type Props = { process: ApprovalProcess | 'new'; onClose: (saved: boolean) => void };

/** The approval process designer: object and entry criteria, ordered steps (approvers, any/all, skip criteria, timeout), outcomes. */
export function ProcessFormModal({ process, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { objects } = useObjects();
  const [form] = Form.useForm<Values>();
  const existing = process === 'new' ? null : process;
  const [object, setObject] = useState<string | null>(existing?.object ?? null);
  const [criteria, setCriteria] = useState<ConditionGroup>(() => filterToGroup(existing?.criteria as Filter | null));
  const [saving, setSaving] = useState(false);
  const { filterable, settable } = useProcessFields(object);
  const initial: Partial<Values> = existing
    ? {
        object: existing.object,
        name: existing.name,
        description: existing.description ?? '',
        enabled: existing.enabled,
        steps: existing.steps.map((s) => ({ ...s, group: filterToGroup(s.criteria as Filter | null) })),
        onApproved: outcomeIn(existing.onApproved),
        onRejected: outcomeIn(existing.onRejected),
      }
    : { enabled: true, steps: [newStep()], onApproved: outcomeIn(undefined), onRejected: outcomeIn(undefined) };
  const typed = (field: string, value: string) => {
    const type = settable.find((f) => f.key === field)?.type;
    if (value === '') return null;
    if (type === 'number') return Number(value);
    if (type === 'boolean') return value === 'true';
    return value;
  };
  const save = async () => {
    const v = await form.validateFields();
    const outcome = (o: Outcome | undefined) => ({
      fieldUpdates: (o?.fieldUpdates ?? []).map((u) => ({ field: u.field, value: typed(u.field, u.value ?? '') })),
      notify: (o?.notify ?? []) as ('submitter' | 'owner' | 'approvers')[],
    });
    const body: ProcessInput = {
      object: v.object,
      name: v.name,
      description: v.description || null,
      enabled: v.enabled,
      criteria: groupToFilter(criteria) as ProcessInput['criteria'],
      steps: (v.steps ?? []).map(({ group, ...s }) => ({
        ...s,
        // Only the keys of the approver's type: switching type in the form leaves the other keys behind.
        approvers: s.approvers.map(
          (a): ApproverSpec =>
            a.type === 'user'
              ? { type: 'user', userId: a.userId }
              : a.type === 'role'
                ? { type: 'role', roleId: a.roleId }
                : { type: 'manager', level: a.level ?? 1 },
        ),
        criteria: groupToFilter(group) as ApprovalStep['criteria'],
        timeoutHours: s.timeoutHours || null,
      })),
      onApproved: outcome(v.onApproved),
      onRejected: outcome(v.onRejected),
    };
    setSaving(true);
    try {
      if (existing) await approvalsApi.updateProcess(existing.id, body);
      else await approvalsApi.createProcess(body);
      message.success(t('common.saved'));
      onClose(true);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  const recordObjects = objects.filter((o) => o.path && o.record !== false);
  return (
    <Modal
      open
      width={820}
      title={existing ? t('approvals.editProcess') : t('approvals.newProcess')}
      onCancel={() => onClose(false)}
      onOk={() => void save()}
      okText={t('approvals.save')}
      okButtonProps={{ loading: saving, 'data-testid': 'process-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <div className={styles.row}>
          <Form.Item name="object" label={t('approvals.object')} rules={[{ required: true }]} style={{ minWidth: 200 }}>
            <Select
              disabled={!!existing}
              data-testid="process-object"
              onChange={(o: string) => setObject(o)}
              options={recordObjects.map((o) => ({ value: o.name, label: objectLabel(o, i18n.language) }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('approvals.name')} rules={[{ required: true, whitespace: true }]} style={{ flex: 1, minWidth: 220 }}>
            <Input maxLength={200} data-testid="process-name" />
          </Form.Item>
          <Form.Item name="enabled" label={t('approvals.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </div>
        <Form.Item name="description" label={t('approvals.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('approvals.criteria')} extra={t('approvals.criteriaHint')}>
          {object ? (
            <FilterBuilder key={object} fields={filterable} value={criteria} onChange={setCriteria} />
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          )}
        </Form.Item>
        <Typography.Title level={5}>{t('approvals.steps')}</Typography.Title>
        <Form.List name="steps">
          {(items, { add, remove }) => (
            <>
              {items.map((item, i) => (
                <Card
                  key={item.key}
                  size="small"
                  className={styles.stepCard}
                  title={t('approvals.step', { n: i + 1 })}
                  extra={<Button size="small" icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label="remove step" />}
                  data-testid={`process-step-${i}`}
                >
                  <div className={styles.row}>
                    <Form.Item
                      name={[item.name, 'name']}
                      label={t('approvals.stepName')}
                      rules={[{ required: true, whitespace: true }]}
                      style={{ flex: 1, minWidth: 180 }}
                    >
                      <Input maxLength={100} data-testid={`step-name-${i}`} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'mode']} label=" ">
                      <Select style={{ width: 220 }} options={(['any', 'all'] as const).map((m) => ({ value: m, label: t(`approvals.mode.${m}`) }))} />
                    </Form.Item>
                  </div>
                  <Form.Item label={t('approvals.approvers')}>
                    <Approvers step={item.name} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'group']} label={t('approvals.stepCriteria')} extra={t('approvals.stepCriteriaHint')}>
                    <StepCriteria fields={filterable} />
                  </Form.Item>
                  <div className={styles.row}>
                    <Form.Item name={[item.name, 'timeoutHours']} label={t('approvals.timeoutHours')}>
                      <InputNumber min={1} max={2160} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'onTimeout']} label=" ">
                      <Select
                        style={{ width: 220 }}
                        options={(['remind', 'escalate', 'approve', 'reject'] as const).map((a) => ({ value: a, label: t(`approvals.onTimeout.${a}`) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[item.name, 'calendarId']} label={t('approvals.calendar')}>
                      <CalendarSelect />
                    </Form.Item>
                  </div>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add(newStep())} data-testid="add-step" style={{ marginBottom: 16 }}>
                {t('approvals.addStep')}
              </Button>
            </>
          )}
        </Form.List>
        <OutcomeEditor name="onApproved" object={object} />
        <OutcomeEditor name="onRejected" object={object} />
      </Form>
    </Modal>
  );
}

/** A step's skip criteria as a form control (the builder is controlled by value/onChange). */
function StepCriteria({
  fields,
  value,
  onChange,
}: {
  fields: Parameters<typeof FilterBuilder>[0]['fields'];
  value?: ConditionGroup;
  onChange?: (g: ConditionGroup) => void;
}) {
  if (!fields.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return <FilterBuilder fields={fields} value={value ?? emptyGroup()} onChange={(g) => onChange?.(g)} />;
}
