import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Input, Modal, Space, Tree, Typography } from 'antd';
import { useState } from 'react';
import { UserName } from '#shared/users/user-name';
import { UserSelect } from '#shared/users/user-select';
import { useTranslation } from 'react-i18next';
import { type Team, settingsApi } from '../settings-api';
import styles from '../settings.module.css';
import { TEAMS_KEY, useTeams } from '../use-settings-data';
import { type TeamNode, buildTeamTree } from './team-tree';

type Dialog = { mode: 'create'; parentId: string | null } | { mode: 'rename'; team: Team } | null;

/** The team tree: a manager's team scope covers every team below theirs. */
export function TeamsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const { data = [], isPending } = useTeams();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [name, setName] = useState('');
  // Approvals' "owner's manager" walks up the tree to the nearest team with one.
  const [managerId, setManagerId] = useState<string | null>(null);
  const done = async () => {
    await qc.invalidateQueries({ queryKey: TEAMS_KEY });
    setDialog(null);
  };
  const fail = (e: unknown) => message.error(e instanceof Error ? e.message : String(e));
  const save = async () => {
    try {
      if (dialog?.mode === 'create') await settingsApi.teams.create({ name: name.trim(), parentId: dialog.parentId, managerId });
      if (dialog?.mode === 'rename') await settingsApi.teams.update(dialog.team.id, { name: name.trim(), managerId }, dialog.team.version);
      await done();
    } catch (e) {
      fail(e);
    }
  };
  const remove = (team: Team) =>
    modal.confirm({
      title: t('settings.teams.deleteConfirm', { name: team.name }),
      okButtonProps: { danger: true },
      onOk: () => settingsApi.teams.remove(team.id).then(done, fail),
    });
  type TreeItem = { key: string; title: React.ReactNode; children: TreeItem[] };
  const toTree = (nodes: TeamNode[]): TreeItem[] =>
    nodes.map((n) => ({
      key: n.key,
      children: toTree(n.children),
      title: (
        <Space>
          <span>{n.team.name}</span>
          <Typography.Text type="secondary">{t('settings.teams.members', { count: n.team.memberCount })}</Typography.Text>
          {n.team.managerId && (
            <Typography.Text type="secondary">
              · {t('approvals.teamManager')}: <UserName id={n.team.managerId} />
            </Typography.Text>
          )}
          <Button
            size="small"
            type="text"
            icon={<PlusOutlined />}
            aria-label={t('settings.teams.addChild')}
            onClick={() => {
              setName('');
              setManagerId(null);
              setDialog({ mode: 'create', parentId: n.team.id });
            }}
          />
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label={t('common.edit')}
            onClick={() => {
              setName(n.team.name);
              setManagerId(n.team.managerId ?? null);
              setDialog({ mode: 'rename', team: n.team });
            }}
          />
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(n.team)} />
        </Space>
      ),
    }));
  return (
    <Card loading={isPending}>
      <div className={styles.toolbar}>
        <Typography.Title level={4} className={styles.grow} style={{ margin: 0 }}>
          {t('settings.sections.teams')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setName('');
            setManagerId(null);
            setDialog({ mode: 'create', parentId: null });
          }}
        >
          {t('settings.teams.create')}
        </Button>
      </div>
      {data.length === 0 ? <Empty /> : <Tree defaultExpandAll blockNode selectable={false} treeData={toTree(buildTeamTree(data))} />}
      <Modal
        open={!!dialog}
        title={dialog?.mode === 'rename' ? t('common.edit') : t('settings.teams.create')}
        onCancel={() => setDialog(null)}
        onOk={() => void save()}
        okButtonProps={{ disabled: !name.trim() }}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder={t('settings.teams.name')} maxLength={100} />
          <UserSelect value={managerId} onChange={setManagerId} placeholder={t('approvals.teamManager')} />
        </Space>
      </Modal>
    </Card>
  );
}
