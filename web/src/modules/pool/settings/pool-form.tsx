import { useQuery } from '@tanstack/react-query';
import { Col, Divider, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { type NewPoolInput, poolApi } from '../pool-api';
import { usePoolObjects } from '../pool-objects';

export type PoolFormValues = NewPoolInput;

export const EMPTY_POOL: PoolFormValues = {
  object: 'company',
  name: '',
  description: null,
  position: 0,
  teamIds: [],
  recycleEnabled: true,
  followupDays: 30,
  dealDays: null,
  remindDays: 3,
  maxHeld: null,
  maxClaimsPerDay: null,
  reclaimCooldownDays: 0,
};

const half = { xs: 24, sm: 12 };

type Props = { form: FormInstance<PoolFormValues>; initial: PoolFormValues; creating: boolean };

/**
 * What the pool holds (chosen once, when it is created), name, teams and the pool's rules; empty
 * numbers switch a rule off or lift a limit.
 */
export function PoolForm({ form, initial, creating }: Props) {
  const { t } = useTranslation();
  const teams = useQuery({ queryKey: ['teams', 'for-pools'], queryFn: poolApi.teams });
  const objects = usePoolObjects();
  const off = t('pool.form.off');
  const unlimited = t('pool.form.unlimited');
  return (
    <Form form={form} layout="vertical" initialValues={initial} requiredMark="optional">
      <Form.Item name="object" label={t('pool.form.object')} extra={t('pool.form.objectHelp')} rules={[{ required: true }]}>
        <Select
          disabled={!creating}
          options={objects.options.length ? objects.options : [{ value: initial.object, label: objects.labelOf(initial.object) }]}
          data-testid="pool-object"
        />
      </Form.Item>
      <Form.Item name="name" label={t('pool.form.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="description" label={t('pool.form.description')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="teamIds" label={t('pool.form.teams')} extra={t('pool.form.teamsHelp')}>
        <Select
          mode="multiple"
          allowClear
          loading={teams.isPending}
          placeholder={t('pool.form.everyone')}
          optionFilterProp="label"
          options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          data-testid="pool-teams"
        />
      </Form.Item>
      <Divider titlePlacement="start">{t('pool.form.recycle')}</Divider>
      <Form.Item name="recycleEnabled" label={t('pool.form.recycleEnabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="followupDays" label={t('pool.form.followupDays')}>
            <InputNumber min={1} max={3650} placeholder={off} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="dealDays" label={t('pool.form.dealDays')}>
            <InputNumber min={1} max={3650} placeholder={off} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="remindDays" label={t('pool.form.remindDays')}>
            <InputNumber min={0} max={365} placeholder={off} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="position" label={t('pool.form.position')}>
            <InputNumber min={0} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('pool.form.limits')}</Divider>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="maxHeld" label={t('pool.form.maxHeld')}>
            <InputNumber min={0} max={100000} placeholder={unlimited} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="maxClaimsPerDay" label={t('pool.form.maxClaimsPerDay')}>
            <InputNumber min={0} max={100000} placeholder={unlimited} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="reclaimCooldownDays" label={t('pool.form.reclaimCooldownDays')}>
            <InputNumber min={0} max={3650} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
