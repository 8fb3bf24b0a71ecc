import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerMatch, Duplicate } from './leads-api';

/** Duplicate leads and 撞单 (a contact or company someone already owns), with who owns them. */
export function MatchAlerts({ duplicates, customerMatches, action }: { duplicates: Duplicate[]; customerMatches: CustomerMatch[]; action?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const owner = (o: { name: string } | null) => o?.name ?? t('leads.noOwner');
  if (!duplicates.length && !customerMatches.length) return null;
  // One line per lead, naming every rule it matched.
  const byLead = [...new Map(duplicates.map((d) => [d.id, d])).values()].map((d) => ({
    ...d,
    rules: duplicates.filter((x) => x.id === d.id).map((x) => t(`leads.rules.${x.rule}`)),
  }));
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      {duplicates.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="lead-duplicates"
          message={t('leads.duplicateTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {byLead.map((d) => (
                <li key={d.id}>
                  <Link to={`/leads/${d.id}`}>
                    {t('leads.duplicateBody', { name: d.name, rule: d.rules.join(i18n.language === 'en' ? ', ' : '、'), owner: owner(d.owner) })}
                  </Link>
                </li>
              ))}
            </ul>
          }
          action={action}
        />
      )}
      {customerMatches.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="lead-collision"
          message={t('leads.collisionTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {customerMatches.map((m) => (
                <li key={`${m.object}-${m.id}`}>{t('leads.collisionBody', { object: t(`leads.objects.${m.object}`), name: m.name, owner: owner(m.owner) })}</li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}
