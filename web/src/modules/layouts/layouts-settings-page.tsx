import { Card, Empty, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { objectLabel, useObjects } from '#shared/objects/use-objects';
import { LayoutEditor } from './layout-editor';
import { layoutObjects } from './layout-objects';
import styles from './layouts.module.css';

/** Settings > Layouts (`?object=<name>`): each record object's default list columns and detail sections. */
export function LayoutsSettingsPage() {
  const { t, i18n } = useTranslation();
  const { objects, loading } = useObjects();
  const [params, setParams] = useSearchParams();
  const choices = layoutObjects(objects, t, i18n.language);
  const current = choices.find((c) => c.meta.name === params.get('object')) ?? choices[0];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <div className={styles.toolbar}>
          <div className={styles.grow}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('layouts.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('layouts.intro')}</Typography.Text>
          </div>
          <Space>
            <Typography.Text>{t('layouts.object')}</Typography.Text>
            <Select
              className={styles.objectSelect}
              value={current?.meta.name}
              loading={loading}
              options={choices.map((c) => ({ value: c.meta.name, label: objectLabel(c.meta, i18n.language) }))}
              onChange={(object: string) => setParams({ object })}
              data-testid="layout-object"
            />
          </Space>
        </div>
      </Card>
      {loading ? (
        <Spin />
      ) : current ? (
        <LayoutEditor key={current.meta.name} entity={current.meta.name} def={current.def} />
      ) : (
        <Empty description={t('layouts.noObjects')} />
      )}
    </Space>
  );
}
