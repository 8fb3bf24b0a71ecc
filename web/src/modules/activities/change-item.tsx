import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Address } from '#shared/api/types';
import { fieldLabel } from '#shared/fields/field-label';
import type { FieldDef } from '#shared/fields/field-types';
import { formatAddress } from '#shared/format/address';
import { formatDate, formatDateTime, formatRelative } from '#shared/format/format';
import { pickLabel } from '#shared/format/localized';
import type { TimelineItem } from '#shared/records/records-api';
import styles from './timeline.module.css';

type Diff = { field: string; from: unknown; to: unknown };
type ChangeLike = { action?: unknown; changes?: unknown; [key: string]: unknown };

/** Accepts `{field: {from, to}}`, `{field: [from, to]}` or `[{field, from, to}]`. */
export function readChanges(raw: unknown): Diff[] {
  if (Array.isArray(raw)) return raw.filter((d): d is Diff => !!d && typeof d === 'object' && 'field' in d);
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, unknown>).map(([field, v]) => {
    if (Array.isArray(v)) return { field, from: v[0], to: v[1] };
    if (v && typeof v === 'object' && ('from' in v || 'to' in v)) {
      const o = v as { from?: unknown; to?: unknown };
      return { field, from: o.from, to: o.to };
    }
    return { field, from: undefined, to: v };
  });
}

/** One value of a diff as a person reads it: phones and e-mails by their number/address, addresses in order. */
export const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.map(show).join(', ') : '—';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.number === 'string') return o.number;
    if (typeof o.address === 'string') return o.address;
    if (['country', 'province', 'city', 'district', 'street', 'postcode'].some((k) => k in o)) return formatAddress(o as Address) || '—';
    return JSON.stringify(v);
  }
  return String(v);
};

/** Actions whose diff is the news itself: an edit, an assignment, a score band or queue change. */
const SHOWS_DIFF = new Set(['updated', 'converted', 'assigned', 'score_changed', 'assignment_queued']);
/** Actions whose changes are facts of an event (an e-mail's recipient and subject), shown without a "from". */
const FACTS = new Set(['email_sent', 'email_failed']);
/** Bookkeeping fields a conversion or status change also touches; the diff names the meaningful ones. */
const QUIET = new Set(['statusChangedAt', 'convertedAt', 'convertedBy', 'convertedContactId', 'convertedCompanyId', 'convertedDealId']);

/** The event a change reads as: a lead's conversion is an update to status "converted", shown as its own event. */
export function changeAction(item: ChangeLike): string {
  const raw = String(item.action ?? 'updated');
  const status = (item.changes as Record<string, { to?: unknown }> | undefined)?.status;
  return raw === 'updated' && status?.to === 'converted' ? 'converted' : raw;
}

/** The diff lines worth showing for a change (an edit, assignment, score band...), without bookkeeping fields. */
export function shownDiffs(item: ChangeLike): Diff[] {
  const action = changeAction(item);
  if (FACTS.has(action)) return readChanges(item.changes);
  return SHOWS_DIFF.has(action) ? readChanges(item.changes).filter((d) => !QUIET.has(d.field)) : [];
}

export function ChangeItem({ item, fields }: { item: TimelineItem; fields: FieldDef[] }) {
  const { t, i18n } = useTranslation();
  const actor = (typeof item.actorName === 'string' && item.actorName) || t('timeline.system');
  const action = changeAction(item);
  const diffs = shownDiffs(item);
  const names = (item.userNames ?? {}) as Record<string, string>;
  const defOf = (key: string) => fields.find((x) => x.key === key || x.key === `custom.${key}`);
  const label = (key: string) => {
    const f = defOf(key);
    return f ? fieldLabel(f, t, i18n.language) : t(`timeline.fields.${key}`, { defaultValue: key });
  };
  // A user id reads as the user's name, a choice as its label, a known code (a score band) in words.
  const value = (key: string, v: unknown): string => {
    if (typeof v === 'string') {
      if (names[v]) return names[v];
      const option = defOf(key)?.options?.find((o) => o.value === v);
      if (option) return pickLabel(option.label, i18n.language);
      const word = t(`timeline.values.${key}.${v}`, { defaultValue: '' });
      if (word) return word;
      const type = defOf(key)?.type;
      if (type === 'datetime' && !Number.isNaN(Date.parse(v))) return formatDateTime(v, i18n.language);
      if (type === 'date' && !Number.isNaN(Date.parse(v))) return formatDate(v, i18n.language);
    }
    return show(v);
  };
  return (
    <div className={styles.item} data-testid="timeline-change" data-action={action}>
      <div className={styles.head}>
        <Typography.Text>{t(`timeline.actions.${action}`, { actor, defaultValue: `${actor} · ${action}` })}</Typography.Text>
      </div>
      {diffs.length > 0 && (
        <ul className={styles.diffs}>
          {diffs.slice(0, 12).map((d) => (
            <li key={d.field}>
              <span className={styles.field}>{label(d.field)}</span>:{' '}
              {FACTS.has(action) ? (
                <span>{value(d.field, d.to)}</span>
              ) : (
                <>
                  <del>{value(d.field, d.from)}</del> → <span>{value(d.field, d.to)}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.meta}>
        <span title={formatDateTime(item.at, i18n.language)}>{formatRelative(item.at, i18n.language)}</span>
      </div>
    </div>
  );
}
