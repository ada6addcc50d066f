import { graphql } from './api.js';
import { h } from './dom.js';
import { chunks, type GraphQLRequest } from './queries.js';
import type { ViewData } from './view.js';

/**
 * "Reported by": keep only the facts a chosen source, or a kind of source, reported. The neighbourhood
 * query carries counts, not sources, so the sources of what is in view are asked only while this
 * filter is on (ten records a request), and kept for the page.
 */
export interface SourceChoice {
  /** A source id (`src` in the URL). */
  source: string | null;
  /** A source kind (`kind` in the URL): outlet, official, document, agency, organization or other. */
  sourceKind: string | null;
}

export const SOURCE_KINDS = ['outlet', 'official', 'document', 'agency', 'organization', 'other'] as const;
const SOURCES_SHOWN = 100;

interface SourceRef {
  id: string;
  name: string;
  kind: string;
}
type Reported = { reportedBy: Array<{ source: SourceRef }> } | null;

const reportedSources = new Map<string, SourceRef[]>();

function reportedQuery(kind: 'entity' | 'relation', ids: string[]): GraphQLRequest {
  const variables: Record<string, unknown> = {};
  const fields = ids.map((id, i) => {
    variables[`id${i}`] = id;
    return `n${i}: ${kind}(id: $id${i}) { reportedBy { source { id name kind } } }`;
  });
  return { query: `query ReportedBy(${ids.map((_, i) => `$id${i}: ID!`).join(', ')}) { ${fields.join('\n')} }`, variables };
}

async function fetchReported(kind: 'entity' | 'relation', ids: string[], signal: AbortSignal): Promise<void> {
  const wanted = ids.filter((id) => !reportedSources.has(`${kind}:${id}`));
  await Promise.all(
    chunks(wanted).map(async (chunk) => {
      const data = await graphql<Record<string, Reported>>(reportedQuery(kind, chunk), signal);
      chunk.forEach((id, i) => reportedSources.set(`${kind}:${id}`, data[`n${i}`]?.reportedBy.map((report) => report.source) ?? []));
    }),
  );
}

export const isFiltering = (choice: SourceChoice): boolean => choice.source !== null || choice.sourceKind !== null;

/** The view without the facts no chosen source reported; entities in `keep` (expanded, selected, on the path) and the path's relations stay. */
export async function filterBySource(view: ViewData, choice: SourceChoice, keep: ReadonlySet<string>, signal: AbortSignal): Promise<ViewData> {
  if (!isFiltering(choice)) return view;
  await Promise.all([fetchReported('entity', [...view.nodes.keys()], signal), fetchReported('relation', [...view.edges.keys()], signal)]);
  const matches = (key: string) =>
    (reportedSources.get(key) ?? []).some(
      (source) => (choice.source === null || source.id === choice.source) && (choice.sourceKind === null || source.kind === choice.sourceKind),
    );
  const onPath = new Set(view.path?.result?.relations.map((relation) => relation.id) ?? []);
  const edges = new Map([...view.edges].filter(([id]) => onPath.has(id) || matches(`relation:${id}`)));
  const ends = new Set([...edges.values()].flatMap((edge) => [edge.from.id, edge.to.id]));
  const nodes = new Map([...view.nodes].filter(([id]) => keep.has(id) || ends.has(id) || matches(`entity:${id}`)));
  return { ...view, nodes, edges };
}

/** The two choices, under "Sources and time"; the source list is every source the API knows (the first 100). */
export function createSourceFilter(container: HTMLElement, onChange: (choice: SourceChoice) => void): { render(choice: SourceChoice): void } {
  const kind = h('select', { id: 'source-kind' }, h('option', { value: '' }, 'any kind'), ...SOURCE_KINDS.map((value) => h('option', { value }, value)));
  const source = h('select', { id: 'source-id' }, h('option', { value: '' }, 'any source'));
  const changed = () => onChange({ source: source.value || null, sourceKind: kind.value || null });
  kind.addEventListener('change', changed);
  source.addEventListener('change', changed);
  container.replaceChildren(h('label', { for: 'source-kind' }, 'Reported by a source of kind'), kind, h('label', { for: 'source-id' }, 'Reported by'), source);
  let wanted: string | null = null;
  void graphql<{ sources: { edges: Array<{ node: SourceRef }> } }>({
    query: `query Sources { sources(first: ${SOURCES_SHOWN}) { edges { node { id name kind } } } }`,
    variables: {},
  }).then(
    (data) => {
      source.append(...data.sources.edges.map(({ node }) => h('option', { value: node.id }, `${node.name} (${node.kind})`)));
      source.value = wanted ?? '';
    },
    () => source.append(h('option', { value: '', disabled: true }, 'the sources could not be loaded')),
  );
  return {
    render(choice) {
      wanted = choice.source;
      // A link may name a source not in the list (yet): keep it chosen rather than show "any".
      if (choice.source && ![...source.options].some((option) => option.value === choice.source))
        source.append(h('option', { value: choice.source }, choice.source));
      source.value = choice.source ?? '';
      kind.value = choice.sourceKind ?? '';
    },
  };
}
