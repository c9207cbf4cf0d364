import { useState } from 'react';
import { Badge, Tree, TreeItem, TreeItemLayout } from '@fluentui/react-components';
import type { Texts } from '../i18n.js';
import type { ForumNodeResponse } from '../../contracts/registry.contract.js';

/** GET /api/forums/tree, typed by the server's response schema (type-only import). */
export type ForumNode = ForumNodeResponse;

function collectIds(nodes: ForumNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    if (n.children.length) out.push(n.id);
    collectIds(n.children, out);
  }
  return out;
}

/** The forum hierarchy: an accessible tree (arrow keys move, Enter opens). */
export function ForumTree({ t, tree, selectedId, onSelect }: { t: Texts; tree: ForumNode[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const render = (nodes: ForumNode[]) =>
    nodes.map((n) => (
      <TreeItem key={n.id} itemType={n.children.length ? 'branch' : 'leaf'} value={n.id} data-forum-id={n.id}>
        <TreeItemLayout
          onClick={(e) => { e.stopPropagation(); onSelect(n.id); }}
          onKeyDown={(e) => { if (e.key === 'Enter') onSelect(n.id); }}
          aside={n.status === 'ended' ? <Badge appearance="outline">{t.ended}</Badge> : n.endedOn ? <Badge appearance="outline" color="warning">{t.ending}</Badge> : undefined}
          aria-current={selectedId === n.id ? 'page' : undefined}
          style={selectedId === n.id ? { fontWeight: 600 } : undefined}
        >
          {n.name}
        </TreeItemLayout>
        {n.children.length ? <Tree>{render(n.children)}</Tree> : null}
      </TreeItem>
    ));
  // Every branch is open unless the person closed it: a branch that appears later (a forum created under a leaf) opens too.
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const openItems = collectIds(tree).filter((id) => !closed.has(id));
  return (
    <Tree
      aria-label={t.forumHierarchy}
      openItems={openItems}
      onOpenChange={(_, d) => setClosed((c) => {
        const next = new Set(c);
        if (d.open) next.delete(String(d.value));
        else next.add(String(d.value));
        return next;
      })}
    >
      {render(tree)}
    </Tree>
  );
}
