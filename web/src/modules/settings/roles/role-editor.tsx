import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELDS_KEY, customFieldsApi } from '#shared/fields/custom-fields-api';
import { type Role, settingsApi } from '../settings-api';
import { ROLES_KEY } from '../use-settings-data';
import { FieldPermissions } from './field-permissions';
import { PermissionMatrix } from './permission-matrix';

type Draft = Omit<Role, 'id' | 'userCount' | 'version'>;
const blank: Draft = { name: '', description: null, isAdmin: false, permissions: {}, fieldPermissions: {} };

export function RoleEditor({ role, onSaved }: { role: Role | null; onSaved: (r: Role) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>(role ?? blank);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(role ?? blank), [role]);
  const { data: customFields = [] } = useQuery({ queryKey: CUSTOM_FIELDS_KEY, queryFn: customFieldsApi.list });
  const save = async () => {
    setBusy(true);
    try {
      // Only the editable keys: the server refuses unknown ones (id, userCount, version...).
      const { description, isAdmin, permissions, fieldPermissions } = draft;
      const body = { name: draft.name.trim(), description, isAdmin, permissions, fieldPermissions };
      const saved = role ? await settingsApi.roles.update(role.id, body, role.version) : await settingsApi.roles.create(body);
      await qc.invalidateQueries({ queryKey: ROLES_KEY });
      message.success(t('common.saved'));
      onSaved(saved);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" data-testid="role-editor">
      <Form.Item label={t('settings.roles.name')} required>
        <Input value={draft.name} maxLength={100} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </Form.Item>
      <Form.Item label={t('settings.roles.description')}>
        <Input.TextArea autoSize value={draft.description ?? ''} onChange={(e) => setDraft({ ...draft, description: e.target.value || null })} />
      </Form.Item>
      <Form.Item>
        <Checkbox checked={draft.isAdmin} onChange={(e) => setDraft({ ...draft, isAdmin: e.target.checked })}>
          {t('settings.roles.isAdmin')}
        </Checkbox>
      </Form.Item>
      {draft.isAdmin && (
        <Alert type="success" showIcon data-testid="role-admin-notice" title={t('settings.roles.adminFullAccess')} style={{ marginBottom: 16 }} />
      )}
      <Typography.Title level={5}>{t('settings.roles.permissions')}</Typography.Title>
      <PermissionMatrix value={draft.permissions} onChange={(permissions) => setDraft({ ...draft, permissions })} admin={draft.isAdmin} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('settings.roles.fieldPermissions')}
      </Typography.Title>
      <FieldPermissions
        value={draft.fieldPermissions}
        onChange={(fieldPermissions) => setDraft({ ...draft, fieldPermissions })}
        customFields={customFields}
        admin={draft.isAdmin}
      />
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" loading={busy} disabled={!draft.name.trim()} onClick={() => void save()}>
          {t('common.save')}
        </Button>
      </Space>
    </Form>
  );
}
