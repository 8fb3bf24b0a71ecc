import { EditOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './record-fields.module.css';

type Props = { label: string; fieldKey: string; onEdit: () => void; children: ReactNode };

/** A field value that opens its editor on click (or Enter), with a pencil hinting that it can. */
export function InlineValue({ label, fieldKey, onEdit, children }: Props) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/useSemanticElements: the value may hold links and tags, which a <button> must not contain
    <div
      role="button"
      tabIndex={0}
      className={styles.inlineValue}
      title={t('inline.edit', { field: label })}
      aria-label={t('inline.edit', { field: label })}
      onClick={(e) => {
        // Links and buttons inside the value (company, mailto:, reveal) keep working.
        if ((e.target as HTMLElement).closest('a, button')) return;
        onEdit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === 'F2') {
          e.preventDefault();
          onEdit();
        }
      }}
      data-testid={`inline-${fieldKey}`}
    >
      <span className={styles.inlineText}>{children}</span>
      <EditOutlined className={styles.pencil} />
    </div>
  );
}
