import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type ObjectDef, objectText, pagePath } from '../object-def';

/** First-run state: says what the list is for and offers the first step. */
export function ListEmpty({ def, canCreate }: { def: ObjectDef; canCreate: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Empty
      style={{ padding: '48px 16px', background: '#fff', borderRadius: 10 }}
      description={
        <>
          <Typography.Title level={5}>{objectText(def, t, 'emptyTitle')}</Typography.Title>
          <Typography.Text type="secondary">{objectText(def, t, 'emptyBody')}</Typography.Text>
        </>
      }
    >
      {canCreate && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`${pagePath(def)}/new`)}>
          {objectText(def, t, 'new')}
        </Button>
      )}
    </Empty>
  );
}
