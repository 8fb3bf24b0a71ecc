import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '#shared/fields/field-label';
import type { FieldDef } from '#shared/fields/field-types';

type Props = { fields: FieldDef[]; onPick: (mergeField: string) => void };

/** Inserts `{{field}}` into a template: the record's fields and its owner's name. */
export function MergeFieldButton({ fields, onPick }: Props) {
  const { t, i18n } = useTranslation();
  const items = [
    ...fields.filter((f) => !f.sensitive).map((f) => ({ key: f.key, label: fieldLabel(f, t, i18n.language) })),
    { key: 'owner.name', label: t('workflows.ownerName') },
  ];
  return (
    <Dropdown menu={{ items, onClick: ({ key }) => onPick(`{{${key}}}`), style: { maxHeight: 320, overflowY: 'auto' } }} trigger={['click']}>
      <Button size="small" data-testid="merge-field">
        {t('workflows.insertField')}
      </Button>
    </Dropdown>
  );
}
