import { useQuery } from '@tanstack/react-query';
import type { CSSProperties } from 'react';
import { useMe } from '#shared/auth/session';
import { can } from '#shared/auth/permissions';
import { CUSTOM_FIELDS_KEY, customFieldsApi } from '#shared/fields/custom-fields-api';
import { useObjects } from '#shared/objects/use-objects';
import { RelatedObjectCard } from './related-object-card';
import styles from './related.module.css';
import { relatedLookups } from './related-lookups';

type Props = {
  /** The registry name of the record's object: 'company', 'contact', 'deal', 'lead' or a custom object's name. */
  object: string;
  id: string;
  /** Placement in the caller's layout (e.g. a top margin); the cards stack with their own gap. */
  style?: CSSProperties;
};

/**
 * One card per custom object lookup field that points at this record's object, listing the records
 * that point here; renders nothing when no custom object links to this object.
 */
export function RelatedObjectLists({ object, id, style }: Props) {
  const me = useMe();
  const { objects } = useObjects();
  const { data: fields = [] } = useQuery({ queryKey: CUSTOM_FIELDS_KEY, queryFn: customFieldsApi.list, staleTime: 60_000 });
  const lookups = relatedLookups(objects, fields, object, (name) => can(me, name, 'read'));
  if (lookups.length === 0) return null;
  // An object that points here through two fields gets two cards, told apart by the field's label.
  const count = (name: string) => lookups.filter((l) => l.object.name === name).length;
  return (
    <div className={styles.lists} style={style} data-testid="related-objects">
      {lookups.map((l) => (
        <RelatedObjectCard key={l.field.id} lookup={l} id={id} showField={count(l.object.name) > 1} />
      ))}
    </div>
  );
}
