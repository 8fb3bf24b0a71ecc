import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Collapse, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listTeams, TEAMS_KEY } from '#shared/users/teams-api';
import '../messages';
import { dealKeys, dealsApi, nameOf, type Pipeline } from '../deals-api';
import { StageTable } from './stage-table';

/** Pipelines (name, teams, reminder days, default, closed) and their stages. */
export function PipelinesSettingsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const pipelines = useQuery({ queryKey: [...dealKeys.pipelines, 'settings'], queryFn: () => dealsApi.pipelines(true) });
  const teams = useQuery({ queryKey: TEAMS_KEY, queryFn: listTeams });
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ zh: string; en: string }>();
  const refresh = () => qc.invalidateQueries({ queryKey: dealKeys.pipelines });
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      message.success(t('deals.settings.saved'));
      await refresh();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const teamOptions = (teams.data ?? []).map((x) => ({ value: x.id, label: x.name }));

  const header = (p: Pipeline) => (
    <Space wrap>
      <strong>{nameOf(p.name, i18n.language)}</strong>
      {p.isDefault && <Tag color="blue">{t('deals.settings.default')}</Tag>}
      {p.closed && <Tag>{t('deals.settings.closed')}</Tag>}
    </Space>
  );
  const body = (p: Pipeline) => (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        <Input
          addonBefore="中"
          defaultValue={p.name.zh}
          onBlur={(e) => e.target.value !== (p.name.zh ?? '') && void act(() => dealsApi.updatePipeline(p.id, { name: { ...p.name, zh: e.target.value } }))}
        />
        <Input
          addonBefore="EN"
          defaultValue={p.name.en}
          onBlur={(e) => e.target.value !== (p.name.en ?? '') && void act(() => dealsApi.updatePipeline(p.id, { name: { ...p.name, en: e.target.value } }))}
        />
        <Space.Compact>
          <InputNumber
            min={1}
            max={365}
            defaultValue={p.staleDays}
            addonBefore={t('deals.settings.staleDays')}
            onBlur={(e) => Number(e.target.value) !== p.staleDays && void act(() => dealsApi.updatePipeline(p.id, { staleDays: Number(e.target.value) }))}
          />
        </Space.Compact>
      </Space>
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        placeholder={t('deals.settings.teamsAll')}
        value={p.teamIds}
        options={teamOptions}
        onChange={(teamIds) => void act(() => dealsApi.updatePipeline(p.id, { teamIds }))}
        aria-label={t('deals.settings.teams')}
      />
      <StageTable pipeline={p} onChanged={refresh} />
      <Space wrap>
        {!p.isDefault && !p.closed && (
          <Button onClick={() => void act(() => dealsApi.updatePipeline(p.id, { isDefault: true }))}>{t('deals.settings.makeDefault')}</Button>
        )}
        {!p.isDefault && (
          <Button onClick={() => void act(() => dealsApi.updatePipeline(p.id, { closed: !p.closed }))}>
            {p.closed ? t('deals.settings.reopen') : t('deals.settings.close')}
          </Button>
        )}
        {!p.isDefault && (
          <Popconfirm title={t('deals.settings.deletePipelineConfirm')} onConfirm={() => void act(() => dealsApi.deletePipeline(p.id))}>
            <Button danger>{t('deals.settings.delete')}</Button>
          </Popconfirm>
        )}
      </Space>
    </Space>
  );

  return (
    <div data-testid="pipelines-settings">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('deals.settings.pipelines')}
        </Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)} data-testid="new-pipeline">
          {t('deals.settings.newPipeline')}
        </Button>
      </Space>
      <Card size="small">
        <Collapse
          defaultActiveKey={pipelines.data?.filter((p) => p.isDefault).map((p) => p.id)}
          key={pipelines.data?.length}
          items={(pipelines.data ?? []).map((p) => ({ key: p.id, label: header(p), children: body(p) }))}
        />
      </Card>
      <Modal
        open={creating}
        title={t('deals.settings.newPipeline')}
        onCancel={() => setCreating(false)}
        onOk={() =>
          void form.validateFields().then(async (v) => {
            await act(() => dealsApi.createPipeline({ name: { zh: v.zh || undefined, en: v.en || undefined } }));
            setCreating(false);
            form.resetFields();
          })
        }
      >
        <Form form={form} layout="vertical">
          <Form.Item name="zh" label={t('deals.settings.nameZh')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="en" label={t('deals.settings.nameEn')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
