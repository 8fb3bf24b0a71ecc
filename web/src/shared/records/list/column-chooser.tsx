import { ArrowDownOutlined, ArrowUpOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '#shared/fields/field-label';
import type { FieldDef } from '#shared/fields/field-types';

type Props = { fields: FieldDef[]; value: string[]; onChange: (cols: string[]) => void; onReset: () => void; titleKey: string };

export function moveColumn(cols: string[], key: string, delta: number): string[] {
  const i = cols.indexOf(key);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= cols.length) return cols;
  const next = [...cols];
  [next[i], next[j]] = [next[j] as string, next[i] as string];
  return next;
}

/** Choose and order list columns, custom fields included. The title column always stays. */
export function ColumnChooser({ fields, value, onChange, onReset, titleKey }: Props) {
  const { t, i18n } = useTranslation();
  const ordered = [...value.map((k) => fields.find((f) => f.key === k)).filter((f): f is FieldDef => !!f), ...fields.filter((f) => !value.includes(f.key))];
  const content = (
    <div style={{ maxHeight: 360, overflowY: 'auto', minWidth: 220 }} data-testid="column-chooser">
      {ordered.map((f) => {
        const on = value.includes(f.key);
        return (
          <div key={f.key} style={{ display: 'flex', alignItems: 'center', gap: 4, padding: '2px 0' }}>
            <Checkbox
              checked={on}
              disabled={f.key === titleKey}
              onChange={(e) => onChange(e.target.checked ? [...value, f.key] : value.filter((k) => k !== f.key))}
              style={{ flex: 1 }}
            >
              {fieldLabel(f, t, i18n.language)}
            </Checkbox>
            {on && (
              <Button
                size="small"
                type="text"
                icon={<ArrowUpOutlined />}
                aria-label={t('list.moveUp')}
                onClick={() => onChange(moveColumn(value, f.key, -1))}
              />
            )}
            {on && (
              <Button
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                aria-label={t('list.moveDown')}
                onClick={() => onChange(moveColumn(value, f.key, 1))}
              />
            )}
          </div>
        );
      })}
      <Button type="link" size="small" onClick={onReset}>
        {t('list.resetColumns')}
      </Button>
    </div>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight" title={t('list.columns')}>
      <Button icon={<SettingOutlined />} aria-label={t('list.columns')} data-testid="column-chooser-button" />
    </Popover>
  );
}
