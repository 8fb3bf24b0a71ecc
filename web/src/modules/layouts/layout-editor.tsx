import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#shared/api/problem';
import type { FieldDef, LocalizedText } from '#shared/fields/field-types';
import type { ObjectLayout } from '#shared/records/layout';
import type { ObjectDef } from '#shared/records/object-def';
import { useObjectFields } from '#shared/records/use-object-fields';
import { layoutKeys, layoutsApi } from '#shared/records/use-object-layout';
import { ColumnEditor } from './column-editor';
import { addSection, type Draft, type DraftSection, draftOf, toRequest, updateSection } from './layout-draft';
import styles from './layouts.module.css';
import { SectionEditor } from './section-editor';
import { SectionModal } from './section-modal';

type Props = { entity: string; def: ObjectDef };

/** Loads an object's layout and fields, then edits them. */
export function LayoutEditor({ entity, def }: Props) {
  const { fields, loading } = useObjectFields(def);
  const q = useQuery({ queryKey: layoutKeys.one(entity), queryFn: () => layoutsApi.get(entity) });
  if (loading || q.isPending) return <Spin />;
  if (q.isError) return <Alert type="error" showIcon message={q.error.message} />;
  // A new draft whenever the saved layout changes (after a save, a reset or a reload).
  return <LayoutForm key={q.data.version} entity={entity} def={def} fields={fields} layout={q.data} onReload={() => void q.refetch()} />;
}

type FormProps = { entity: string; def: ObjectDef; fields: FieldDef[]; layout: ObjectLayout; onReload: () => void };

function LayoutForm({ entity, def, fields, layout, onReload }: FormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(layout, fields));
  const [naming, setNaming] = useState<DraftSection | 'new' | null>(null);
  const [stale, setStale] = useState(false);
  const saved = JSON.stringify(toRequest(draftOf(layout, fields), fields));
  const dirty = JSON.stringify(toRequest(draft, fields)) !== saved;
  const save = useMutation({
    mutationFn: (body: Pick<ObjectLayout, 'listColumns' | 'sections'>) => layoutsApi.save(entity, body, layout.version),
    onSuccess: (next, body) => {
      qc.setQueryData(layoutKeys.one(entity), next);
      message.success(body.listColumns || body.sections ? t('layouts.saved') : t('layouts.resetDone'));
    },
    onError: (e) => {
      if (isApiError(e) && e.status === 412) setStale(true);
      else message.error(isApiError(e) ? (e.fieldErrors[0]?.message ?? e.detail ?? e.message) : String(e));
    },
  });
  const named = (label: LocalizedText) => {
    setDraft(naming === 'new' ? addSection(draft, label) : naming ? updateSection(draft, naming.id, { label }) : draft);
    setNaming(null);
  };

  return (
    <>
      {stale && (
        <Alert
          type="warning"
          showIcon
          message={t('layouts.stale')}
          action={
            <Button size="small" onClick={onReload}>
              {t('layouts.reload')}
            </Button>
          }
          data-testid="layout-stale"
        />
      )}
      <div className={styles.actions}>
        {layout.version > 0 && (layout.listColumns || layout.sections) ? <Tag color="blue">{t('layouts.customized')}</Tag> : <Tag>{t('layouts.default')}</Tag>}
        {dirty && <Typography.Text type="warning">{t('layouts.unsaved')}</Typography.Text>}
        <span className={styles.grow} />
        <Popconfirm title={t('layouts.resetConfirm')} onConfirm={() => save.mutate({ listColumns: null, sections: null })}>
          <Button data-testid="layout-reset" disabled={layout.version === 0 || (!layout.listColumns && !layout.sections)}>
            {t('layouts.reset')}
          </Button>
        </Popconfirm>
        <Button type="primary" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate(toRequest(draft, fields))} data-testid="layout-save">
          {t('layouts.save')}
        </Button>
      </div>
      <div className={styles.editor}>
        <Card title={t('layouts.columns')} size="small" className={styles.columnsCard}>
          <Typography.Paragraph type="secondary">{t('layouts.columnsHint')}</Typography.Paragraph>
          <ColumnEditor fields={fields} columns={draft.columns} titleKey={def.titleKey} onChange={(columns) => setDraft({ ...draft, columns })} />
        </Card>
        <Card
          title={t('layouts.sections')}
          size="small"
          className={styles.sectionsCard}
          extra={
            <Button icon={<PlusOutlined />} size="small" onClick={() => setNaming('new')} data-testid="add-section">
              {t('layouts.addSection')}
            </Button>
          }
        >
          <Typography.Paragraph type="secondary">{t('layouts.sectionsHint')}</Typography.Paragraph>
          <SectionEditor fields={fields} draft={draft} onChange={setDraft} onRename={setNaming} />
        </Card>
      </div>
      <SectionModal open={naming !== null} initial={naming && naming !== 'new' ? naming.label : null} onCancel={() => setNaming(null)} onOk={named} />
    </>
  );
}
