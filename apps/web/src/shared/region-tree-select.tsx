import { useCallback, useMemo, useState } from 'react';
import { TreeSelect } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from './api/api-context.tsx';
import { fetchRegionChildren, regionChildrenKey, useRegionRoots, type RegionDto } from './api/regions-api.ts';

export type RegionChoice = { code: string; name: string };

type Props = {
  value?: RegionChoice | undefined;
  onChange?: (value: RegionChoice | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  className?: string;
  'aria-label'?: string;
};

type TreeNode = { id: string; pId: string | undefined; value: string; title: string; isLeaf: boolean };

const nodeOf = (region: RegionDto, parent: string | undefined): TreeNode => ({
  id: region.code,
  pId: parent,
  value: region.code,
  title: region.name,
  isLeaf: region.level === 'community',
});

/**
 * Picks a region inside the user's scope: the scope roots first, streets and communities loaded
 * lazily as the user opens a node. One column, so it also fits a 360 px phone.
 */
export function RegionTreeSelect({ value, onChange, placeholder, allowClear = true, id, className, ...rest }: Props) {
  const api = useApi();
  const queryClient = useQueryClient();
  const roots = useRegionRoots();
  const [children, setChildren] = useState<ReadonlyMap<string, readonly RegionDto[]>>(new Map());

  const treeData = useMemo(() => {
    const nodes = (roots.data?.items ?? []).map((region) => nodeOf(region, undefined));
    for (const [parent, items] of children) nodes.push(...items.map((region) => nodeOf(region, parent)));
    return nodes;
  }, [roots.data, children]);

  const loadData = useCallback(
    async (node: { value?: string | number | null }) => {
      const code = String(node.value ?? '');
      if (!code || children.has(code)) return;
      const list = await queryClient.fetchQuery({
        queryKey: regionChildrenKey(code),
        queryFn: () => fetchRegionChildren(api, code),
        staleTime: 10 * 60_000,
      });
      setChildren((previous) => new Map(previous).set(code, list.items));
    },
    [api, children, queryClient],
  );

  return (
    <TreeSelect
      id={id}
      className={className}
      aria-label={rest['aria-label']}
      treeDataSimpleMode
      treeData={treeData}
      loadData={loadData}
      labelInValue
      value={value ? { value: value.code, label: value.name } : undefined}
      onChange={(next: { value: string; label?: unknown } | undefined) =>
        onChange?.(
          next ? { code: next.value, name: typeof next.label === 'string' ? next.label : next.value } : undefined,
        )
      }
      placeholder={placeholder}
      allowClear={allowClear}
      loading={roots.isLoading}
      showSearch={false}
      popupMatchSelectWidth={false}
      treeNodeLabelProp="title"
    />
  );
}
