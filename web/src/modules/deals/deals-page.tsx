import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Input, Segmented, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '#shared/auth/session';
import { can } from '#shared/auth/permissions';
import { useDebounced } from '#shared/ui/use-debounced';
import { DealList } from './deal-list';
import { nameOf } from './deals-api';
import styles from './deals.module.css';
import { KanbanBoard } from './kanban/kanban-board';
import { usePipelines } from './use-pipelines';

/** Deals of one pipeline, as a kanban board or a list; the pipeline and view live in the URL. */
export function DealsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const pipelines = usePipelines();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const view = params.get('view') === 'list' ? 'list' : 'board';
  const all = pipelines.data ?? [];
  const pipeline = all.find((p) => p.id === params.get('pipeline')) ?? all.find((p) => p.isDefault) ?? all[0];
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  return (
    <div>
      <div className={styles.header}>
        <Typography.Title level={3} className={styles.title}>
          {t('deals.title')}
        </Typography.Title>
        <Select
          className={styles.pipeline}
          value={pipeline?.id}
          onChange={(id) => set('pipeline', id)}
          options={all.map((p) => ({ value: p.id, label: `${nameOf(p.name, i18n.language)}${p.closed ? ` (${t('deals.settings.closed')})` : ''}` }))}
          aria-label={t('deals.pipeline')}
          data-testid="pipeline-switcher"
        />
        <Segmented
          value={view}
          onChange={(v) => set('view', String(v))}
          options={[
            { value: 'board', label: t('deals.board') },
            { value: 'list', label: t('deals.list') },
          ]}
          data-testid="deals-view"
        />
        <Input.Search className={styles.search} allowClear placeholder={t('deals.search')} value={text} onChange={(e) => setText(e.target.value)} />
        {can(me, 'deal', 'import') && (
          <Button icon={<UploadOutlined />} onClick={() => navigate('/imports?object=deal')} data-testid="import-records">
            {t('imports.import')}
          </Button>
        )}
        {can(me, 'deal', 'create') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate(`/deals/new${pipeline ? `?pipeline=${pipeline.id}` : ''}`)}
            data-testid="create-deal"
          >
            {t('deals.new')}
          </Button>
        )}
      </div>
      {pipelines.isPending && <Spin />}
      {pipeline && view === 'board' && <KanbanBoard key={pipeline.id} pipeline={pipeline} q={q} />}
      {pipeline && view === 'list' && <DealList pipeline={pipeline} q={q} />}
    </div>
  );
}
