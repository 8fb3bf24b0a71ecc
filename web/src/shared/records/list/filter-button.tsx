import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Popover, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countComplete, emptyGroup } from '#shared/filter/filter-model';
import type { ConditionGroup } from '#shared/filter/filter-types';
import { FilterBuilder } from '#shared/filter/ui/filter-builder';
import type { FieldDef } from '#shared/fields/field-types';

type Props = { fields: FieldDef[]; value: ConditionGroup; onApply: (g: ConditionGroup) => void };

/** Edits a draft and applies it on demand, so each keystroke does not hit the server. */
export function FilterButton({ fields, value, onApply }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const active = countComplete(value);
  const apply = (g: ConditionGroup) => {
    onApply(g);
    setOpen(false);
  };
  const content = (
    <div>
      <FilterBuilder fields={fields} value={draft} onChange={setDraft} />
      <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }}>
        <Button onClick={() => apply(emptyGroup())}>{t('filter.clear')}</Button>
        <Button type="primary" onClick={() => apply(draft)} data-testid="filter-apply">
          {t('filter.apply')}
        </Button>
      </Space>
    </div>
  );
  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomLeft" title={t('filter.title')}>
      <Badge count={active} size="small">
        <Button icon={<FilterOutlined />} data-testid="filter-button">
          {t('filter.title')}
        </Button>
      </Badge>
    </Popover>
  );
}
