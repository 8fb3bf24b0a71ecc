import { useQuery } from '@tanstack/react-query';
import { OBJECTS_KEY, type ObjectCapability, type ObjectMeta, objectsApi } from './objects-api';

const EMPTY: ObjectMeta[] = [];

/** The object registry, cached for a minute; invalidate ['objects'] wherever objects change. */
export function useObjects(): { objects: ObjectMeta[]; loading: boolean } {
  const { data, isPending } = useQuery({ queryKey: OBJECTS_KEY, queryFn: objectsApi.list, staleTime: 60_000 });
  return { objects: data ?? EMPTY, loading: isPending };
}

export function objectByName(objects: readonly ObjectMeta[], name: string | null | undefined): ObjectMeta | undefined {
  return name ? objects.find((o) => o.name === name) : undefined;
}

/** The label in the UI language (zh for zh-*, en otherwise), falling back to the other one. */
export function objectLabel(meta: Pick<ObjectMeta, 'label' | 'name'> | undefined, language: string): string {
  if (!meta) return '';
  const zh = language.toLowerCase().startsWith('zh');
  const first = zh ? meta.label.zh : meta.label.en;
  const second = zh ? meta.label.en : meta.label.zh;
  return first || second || meta.name;
}

export function hasCapability(meta: ObjectMeta | undefined, capability: ObjectCapability): boolean {
  return meta?.capabilities.includes(capability) ?? false;
}
