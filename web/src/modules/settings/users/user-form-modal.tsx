import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '#shared/api/problem';
import { errorPath } from '#shared/records/payload';
import { USERS_KEY, type UserRow } from '#shared/users/users-api';
import { settingsApi } from '../settings-api';
import { useRoles, useTeams } from '../use-settings-data';
import { roleLabel } from '#shared/users/role-label';

type Values = { email: string; name: string; password?: string; teamId?: string | null; roleIds: string[] };
type Props = { user: UserRow | null; open: boolean; onClose: () => void };

/** Create a user (with a first password) or change one's name, email, team and roles. */
export function UserFormModal({ user, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { data: teams = [] } = useTeams();
  const { data: roles = [] } = useRoles();
  // A new user starts as a Sales Rep, also when the roles arrive after the dialog opened.
  const defaultRoles = roles
    .filter((r) => r.name === 'Sales Rep')
    .map((r) => r.id)
    .join(',');
  useEffect(() => {
    if (!user && defaultRoles && !form.getFieldValue('roleIds')?.length) form.setFieldsValue({ roleIds: defaultRoles.split(',') });
  }, [user, defaultRoles, form]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      user
        ? settingsApi.users.update(user.id, { name: v.name, email: v.email, teamId: v.teamId ?? null, roleIds: v.roleIds }, user.version)
        : settingsApi.users.create({ email: v.email, name: v.name, password: v.password ?? '', teamId: v.teamId ?? null, roleIds: v.roleIds }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: USERS_KEY });
      message.success(t('common.saved'));
      onClose();
    },
    onError: (e) => {
      if (isApiError(e) && e.fieldErrors.length) form.setFields(e.fieldErrors.map((f) => ({ name: errorPath(f.field) as never, errors: [f.message] })));
      else message.error(e.message);
    },
  });
  return (
    <Modal
      open={open}
      title={user ? t('settings.users.edit') : t('settings.users.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => save.mutate(v)}
        initialValues={user ? { ...user, roleIds: user.roleIds ?? [] } : { roleIds: roles.filter((r) => r.name === 'Sales Rep').map((r) => r.id) }}
      >
        <Form.Item name="name" label={t('settings.users.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="email" label={t('login.email')} rules={[{ required: true, type: 'email', message: t('validation.email') }]}>
          <Input />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('settings.users.initialPassword')}
            rules={[{ required: true, min: 8, message: t('settings.users.passwordRule') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="teamId" label={t('settings.users.team')}>
          <Select allowClear options={teams.map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
        <Form.Item name="roleIds" label={t('settings.users.roles')}>
          <Select mode="multiple" options={roles.map((r) => ({ value: r.id, label: roleLabel(r, t) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
