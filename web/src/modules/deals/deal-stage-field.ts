import { useQuery } from '@tanstack/react-query';
import type { FieldDef } from '#shared/fields/field-types';
import { dealKeys, dealsApi, nameOf } from './deals-api';

/**
 * Deals' stage as a choice of the pipelines' stages ("Negotiation", or "Pipeline · Negotiation"
 * with several pipelines), so a condition says "stage = negotiation" rather than a stage's id.
 */
export function useDealStageField(enabled: boolean): Pick<FieldDef, 'type' | 'options'> | undefined {
  const pipelines = useQuery({ queryKey: dealKeys.pipelines, queryFn: () => dealsApi.pipelines(true), staleTime: 60_000, enabled });
  if (!enabled || !pipelines.data) return undefined;
  const several = pipelines.data.length > 1;
  const label = (p: { name: { zh?: string; en?: string } }, s: { name: { zh?: string; en?: string } }, lang: string) =>
    several ? `${nameOf(p.name, lang)} · ${nameOf(s.name, lang)}` : nameOf(s.name, lang);
  return {
    type: 'select',
    options: pipelines.data.flatMap((p) => p.stages.map((s) => ({ value: s.id, label: { zh: label(p, s, 'zh'), en: label(p, s, 'en') } }))),
  };
}
