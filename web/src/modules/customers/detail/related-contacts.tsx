import { useQuery } from '@tanstack/react-query';
import { Button, Empty, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatPersonName } from '#shared/format/format';
import { recordsApi } from '#shared/records/records-api';

/** Contacts that work at a company, with a shortcut to add one. */
export function RelatedContacts({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, isPending } = useQuery({
    queryKey: ['contacts', 'of-company', companyId],
    queryFn: () => recordsApi.list('contacts', { filter: { companyId: { eq: companyId } }, limit: 50, sort: 'name' }),
  });
  const rows = data?.data ?? [];
  return (
    <div data-testid="related-contacts">
      <List
        loading={isPending}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('companies.noContacts')} /> }}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/contacts/${c.id}`}>{formatPersonName(c as Parameters<typeof formatPersonName>[0])}</Link>}
              description={[c.title, c.department].filter(Boolean).join(' · ')}
            />
          </List.Item>
        )}
      />
      <Button type="dashed" block onClick={() => navigate(`/contacts/new?companyId=${companyId}`)}>
        {t('contacts.new')}
      </Button>
    </div>
  );
}
