import { ContactsOutlined, SearchOutlined, ShopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Empty, Input, Modal, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '#shared/auth/session';
import { can } from '#shared/auth/permissions';
import { useDebounced } from '#shared/ui/use-debounced';
import styles from './global-search.module.css';
import { type SearchHit, searchAll } from './search-api';

export function GlobalSearch({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim(), 200);
  const kinds = (['companies', 'contacts'] as const).filter((k) => can(me, k === 'companies' ? 'company' : 'contact', 'read'));
  const { data = [], isFetching } = useQuery({
    queryKey: ['search', q, kinds],
    queryFn: ({ signal }) => searchAll(q, [...kinds], signal),
    enabled: open && q.length > 0,
    staleTime: 10_000,
  });

  const go = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onClose();
    setText('');
    navigate(`/${hit.kind}/${hit.id}`);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, data.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter') go(data[active]);
    else return;
    e.preventDefault();
  };

  return (
    <Modal open={open} onCancel={onClose} footer={null} closable={false} destroyOnHidden width={560} className={styles.modal}>
      <Input
        autoFocus
        size="large"
        prefix={<SearchOutlined />}
        placeholder={t('search.placeholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        variant="borderless"
        data-testid="global-search-input"
      />
      <div className={styles.results} role="listbox">
        {isFetching && data.length === 0 && <Spin className={styles.spin} />}
        {q && !isFetching && data.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.noResults')} />}
        {!q && <div className={styles.hint}>{t('search.hint')}</div>}
        {data.map((hit, i) => (
          <div
            key={`${hit.kind}:${hit.id}`}
            role="option"
            aria-selected={i === active}
            tabIndex={-1}
            className={i === active ? `${styles.hit} ${styles.active}` : styles.hit}
            onMouseEnter={() => setActive(i)}
            onClick={() => go(hit)}
            onKeyDown={undefined}
          >
            {hit.kind === 'companies' ? <ShopOutlined /> : <ContactsOutlined />}
            <span className={styles.title}>{hit.title}</span>
            <span className={styles.sub}>{hit.subtitle}</span>
            <span className={styles.kind}>{t(`nav.${hit.kind}`)}</span>
          </div>
        ))}
      </div>
    </Modal>
  );
}
