import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, InputNumber, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './messages';
import { useFieldLabel } from './condition-editor';
import { GroupEditor } from './group-editor';
import { ModelCard } from './model-card';
import styles from './scoring.module.css';
import {
  type GroupInput,
  SCORING_KEY,
  type ScoringGroup,
  type ScoringRule,
  scoringApi,
  useRuleFields,
  useScoringGroups,
  useScoringSettings,
} from './scoring-api';

/** Settings > Lead scoring: bands and half-life, rule groups with caps, the predictive model. */
export function ScoringSettingsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const settings = useScoringSettings();
  const groups = useScoringGroups();
  const { data: fields = [] } = useRuleFields();
  const label = useFieldLabel(fields);
  const [editing, setEditing] = useState<ScoringGroup | 'new' | null>(null);
  const [form] = Form.useForm();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const refresh = () => qc.invalidateQueries({ queryKey: SCORING_KEY });
  const fail = (e: unknown) => message.error(e instanceof Error ? e.message : String(e));

  const saveSettings = async (values: { halfLifeDays: number; warmAt: number; hotAt: number }) => {
    try {
      await scoringApi.saveSettings(values, settings.data?.version ?? 0);
      await refresh();
      message.success(t('scoring.saved'));
    } catch (e) {
      fail(e);
    }
  };
  const saveGroup = async (input: GroupInput) => {
    if (editing && editing !== 'new') await scoringApi.updateGroup(editing.id, input, editing.version);
    else await scoringApi.createGroup(input);
    await refresh();
    setEditing(null);
  };
  const remove = (g: ScoringGroup) =>
    modal.confirm({
      title: t('scoring.deleteGroup', { name: g.name }),
      okButtonProps: { danger: true },
      onOk: () => scoringApi.removeGroup(g.id).then(refresh, fail),
    });
  const describe = (r: ScoringRule) =>
    r.kind === 'behaviour'
      ? t(`scoring.events.${r.eventType}`)
      : `${label(r.field)} ${t(`scoring.operators.${r.operator}`)} ${Array.isArray(r.value) ? r.value.join(', ') : (r.value ?? '')}`;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('scoring.bandsTitle')} loading={settings.isPending}>
        <Form form={form} layout="vertical" onFinish={(v) => void saveSettings(v)}>
          <div className={styles.bands}>
            <Form.Item name="halfLifeDays" label={t('scoring.halfLife')} tooltip={t('scoring.halfLifeHelp')} rules={[{ required: true }]}>
              <InputNumber min={0} max={3650} addonAfter={t('scoring.days')} data-testid="half-life" />
            </Form.Item>
            <Form.Item name="warmAt" label={t('scoring.warmAt')} rules={[{ required: true }]}>
              <InputNumber data-testid="warm-at" />
            </Form.Item>
            <Form.Item name="hotAt" label={t('scoring.hotAt')} rules={[{ required: true }]}>
              <InputNumber data-testid="hot-at" />
            </Form.Item>
          </div>
          <Button type="primary" htmlType="submit" data-testid="save-bands">
            {t('scoring.save')}
          </Button>
        </Form>
      </Card>
      <Card
        title={t('scoring.groups')}
        loading={groups.isPending}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-group">
            {t('scoring.addGroup')}
          </Button>
        }
      >
        {(groups.data ?? []).length === 0 ? (
          <Empty description={t('scoring.noGroups')} />
        ) : (
          <List
            dataSource={groups.data}
            renderItem={(g) => (
              <List.Item
                data-testid="scoring-group"
                actions={[
                  <Button key="e" type="text" icon={<EditOutlined />} aria-label={t('scoring.editGroup')} onClick={() => setEditing(g)} />,
                  <Button key="d" type="text" danger icon={<DeleteOutlined />} aria-label={t('scoring.deleteGroupShort')} onClick={() => remove(g)} />,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <span>{g.name}</span>
                      <Tag>{g.cap === null ? t('scoring.noCap') : t('scoring.capOf', { cap: g.cap })}</Tag>
                      {!g.active && <Tag color="default">{t('scoring.inactive')}</Tag>}
                    </Space>
                  }
                  description={
                    <Space direction="vertical" size={2}>
                      {g.rules.map((r) => (
                        <Typography.Text key={r.id}>
                          {describe(r)} → <b>{r.points > 0 ? `+${r.points}` : r.points}</b>
                        </Typography.Text>
                      ))}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <ModelCard />
      {editing && <GroupEditor group={editing === 'new' ? null : editing} fields={fields} onSave={saveGroup} onClose={() => setEditing(null)} />}
    </Space>
  );
}
