import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { companyObject, contactObject } from '#modules/customers';
import { dealObject } from '#modules/deals';
import { leadObject } from '#modules/leads';
import { customObjectDef } from '#modules/objects';
import type { ConditionGroup } from '#shared/filter/filter-types';
import { FilterBuilder } from '#shared/filter/ui/filter-builder';
import { objectByName, useObjects } from '#shared/objects/use-objects';
import type { ObjectDef } from '#shared/records/object-def';
import { useObjectFields } from '#shared/records/use-object-fields';

const STANDARD: Record<string, ObjectDef> = { company: companyObject, contact: contactObject, lead: leadObject, deal: dealObject };

type Props = { object: string | null; value: ConditionGroup; onChange: (next: ConditionGroup) => void };

function Builder({ def, value, onChange }: { def: ObjectDef; value: ConditionGroup; onChange: (next: ConditionGroup) => void }) {
  const { fields } = useObjectFields(def);
  return <FilterBuilder fields={fields} value={value} onChange={onChange} />;
}

/** The filter builder of the one object the events are about (standard or custom), else a hint. */
export function WebhookFilter({ object, value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const { objects } = useObjects();
  const meta = object ? objectByName(objects, object) : undefined;
  const def = object
    ? (STANDARD[object] ?? (meta?.custom && meta.path ? customObjectDef({ ...meta, path: meta.path }, t, i18n.language) : undefined))
    : undefined;
  if (!def) return <Typography.Text type="secondary">{t('webhooks.filterOneObject')}</Typography.Text>;
  return <Builder key={object} def={def} value={value} onChange={onChange} />;
}
