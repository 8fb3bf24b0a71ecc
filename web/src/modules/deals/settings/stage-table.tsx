import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { App, Button, Input, InputNumber, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dealsApi, FORECAST_CATEGORIES, type Pipeline, type Stage } from '../deals-api';

type Props = { pipeline: Pipeline; onChanged: () => Promise<unknown> };

/** The stages of a pipeline, edited in place: names, probability, type, forecast category, order. */
export function StageTable({ pipeline, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      await onChanged();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const save = (s: Stage, body: object) => run(() => dealsApi.updateStage(pipeline.id, s.id, body));
  const swap = (i: number, j: number) => {
    const ids = pipeline.stages.map((s) => s.id);
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
    return run(() => dealsApi.reorderStages(pipeline.id, ids));
  };
  const add = () => run(() => dealsApi.createStage(pipeline.id, { name: { zh: '新阶段', en: 'New stage' }, probability: 30 }));

  return (
    <div data-testid="stage-table">
      <Table<Stage>
        rowKey="id"
        size="small"
        pagination={false}
        loading={busy}
        dataSource={pipeline.stages}
        scroll={{ x: 820 }}
        columns={[
          {
            key: 'zh',
            title: t('deals.settings.nameZh'),
            render: (_, s) => (
              <Input
                defaultValue={s.name.zh}
                onBlur={(e) => e.target.value !== (s.name.zh ?? '') && void save(s, { name: { ...s.name, zh: e.target.value } })}
              />
            ),
          },
          {
            key: 'en',
            title: t('deals.settings.nameEn'),
            render: (_, s) => (
              <Input
                defaultValue={s.name.en}
                onBlur={(e) => e.target.value !== (s.name.en ?? '') && void save(s, { name: { ...s.name, en: e.target.value } })}
              />
            ),
          },
          {
            key: 'probability',
            title: t('deals.settings.probability'),
            width: 110,
            render: (_, s) => (
              <InputNumber
                min={0}
                max={100}
                defaultValue={s.probability}
                onBlur={(e) => Number(e.target.value) !== s.probability && void save(s, { probability: Number(e.target.value) })}
              />
            ),
          },
          {
            key: 'type',
            title: t('deals.settings.type'),
            width: 120,
            render: (_, s) => (
              <Select
                value={s.type}
                style={{ width: 110 }}
                onChange={(type) => void save(s, { type })}
                options={(['open', 'won', 'lost'] as const).map((v) => ({ value: v, label: t(`deals.types.${v}`) }))}
              />
            ),
          },
          {
            key: 'forecast',
            title: t('deals.settings.forecast'),
            width: 140,
            render: (_, s) => (
              <Select
                value={s.forecastCategory}
                style={{ width: 130 }}
                disabled={s.type !== 'open'}
                onChange={(forecastCategory) => void save(s, { forecastCategory })}
                options={FORECAST_CATEGORIES.map((c) => ({ value: c, label: t(`deals.forecast.${c}`) }))}
              />
            ),
          },
          {
            key: 'actions',
            title: t('deals.settings.actions'),
            width: 130,
            render: (_, s, i) => (
              <Space size={0}>
                <Button type="text" icon={<ArrowUpOutlined />} aria-label={t('deals.settings.moveUp')} disabled={i === 0} onClick={() => void swap(i, i - 1)} />
                <Button
                  type="text"
                  icon={<ArrowDownOutlined />}
                  aria-label={t('deals.settings.moveDown')}
                  disabled={i === pipeline.stages.length - 1}
                  onClick={() => void swap(i, i + 1)}
                />
                <Popconfirm title={t('deals.settings.delete')} onConfirm={() => void run(() => dealsApi.deleteStage(pipeline.id, s.id))}>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('deals.settings.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Button style={{ marginTop: 8 }} onClick={() => void add()} data-testid="add-stage">
        {t('deals.settings.addStage')}
      </Button>
    </div>
  );
}
