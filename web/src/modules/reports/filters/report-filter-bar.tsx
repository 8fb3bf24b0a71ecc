import { DatePicker, Flex, Select, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '#shared/auth/session';
import { scopeOf } from '#shared/auth/permissions';
import { UserSelect } from '#shared/users/user-select';
import { localName, type ReportFilters, type TeamOption, usePipelines, useTeams } from '../reports-api';
import { localToday, PRESETS, type Preset, presetOf, presetRange } from './period-presets';

type TreeNode = { value: string; title: string; children: TreeNode[] };

function teamTree(teams: TeamOption[]): TreeNode[] {
  const nodes = new Map(teams.map((t) => [t.id, { value: t.id, title: t.name, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const t of teams) {
    const node = nodes.get(t.id) as TreeNode;
    const parent = t.parentId ? nodes.get(t.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

type Props = { filters: ReportFilters; onChange: (patch: Partial<ReportFilters>) => void; showPipeline?: boolean };

/**
 * Period (presets or any range), team, owner and pipeline. Team and owner are offered only to
 * viewers who see more than their own deals; the server applies the scope either way.
 */
export function ReportFilterBar({ filters, onChange, showPipeline = true }: Props) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const wide = scopeOf(me, 'deal', 'read') !== 'own';
  const teams = useTeams();
  const pipelines = usePipelines();
  const tree = useMemo(() => teamTree(teams.data ?? []), [teams.data]);
  const today = localToday();
  const preset = presetOf(filters, today);

  return (
    <Flex wrap gap={8} align="center" data-testid="report-filters">
      <Select<Preset | 'custom'>
        value={preset ?? 'custom'}
        style={{ minWidth: 120 }}
        onChange={(p) => p !== 'custom' && onChange(presetRange(p, today))}
        options={[...PRESETS.map((p) => ({ value: p, label: t(`reports.period.${p}`) })), { value: 'custom', label: t('reports.period.custom') }]}
        aria-label={t('reports.filters.period')}
        data-testid="report-period"
      />
      <DatePicker.RangePicker
        allowClear={false}
        value={[dayjs(filters.from), dayjs(filters.to)]}
        onChange={(v) => v?.[0] && v[1] && onChange({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
        style={{ maxWidth: 260 }}
      />
      {wide && (
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          value={filters.teamId}
          onChange={(v: string | undefined) => onChange({ teamId: v })}
          treeData={tree}
          placeholder={t('reports.filters.team')}
          style={{ minWidth: 160 }}
          data-testid="report-team"
        />
      )}
      {wide && (
        <div style={{ minWidth: 160 }}>
          <UserSelect value={filters.ownerId ?? null} onChange={(v) => onChange({ ownerId: v ?? undefined })} placeholder={t('reports.filters.owner')} />
        </div>
      )}
      {showPipeline && (pipelines.data?.length ?? 0) > 0 && (
        <Select
          allowClear
          value={filters.pipelineId}
          onChange={(v: string | undefined) => onChange({ pipelineId: v })}
          placeholder={t('reports.filters.pipeline')}
          style={{ minWidth: 160 }}
          options={(pipelines.data ?? []).map((p) => ({ value: p.id, label: localName(p.name, i18n.language) }))}
          data-testid="report-pipeline"
        />
      )}
    </Flex>
  );
}
