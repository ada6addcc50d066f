import { ApiError, graphql } from './api.js';
import { buildBundle, describeLeftOut, mainDocument, type Bundle } from './bundle.js';
import { ENTITY_STYLE, RELATION_STYLE } from './colors.js';
import { download } from './dom.js';
import type { GraphView } from './graph.js';
import { chunks, detailsQuery, DOCUMENT_TEXT, MAX_ALIASES } from './queries.js';
import { ENTITY_TYPES, RELATION_TYPES, type EntityDetail, type RelationDetail } from './types.js';
import type { ViewData } from './view.js';

function loadImage(source: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The graph image could not be drawn.'));
    image.src = source;
  });
}

/** The whole graph as a PNG at twice the screen resolution, with the legend drawn beneath it. */
export async function exportPng(graph: GraphView, fileName: string): Promise<void> {
  const scale = 2;
  const image = await loadImage(graph.cy.png({ output: 'base64uri', bg: '#ffffff', full: true, scale }));
  const legendHeight = 44 * scale;
  const width = Math.max(image.width, 900 * scale);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = image.height + legendHeight;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw a canvas.');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, (width - image.width) / 2, 0);
  context.font = `${12 * scale}px system-ui, sans-serif`;
  context.textBaseline = 'middle';
  let x = 12 * scale;
  const rowY = (row: number) => image.height + (row === 0 ? 12 : 32) * scale;
  for (const type of ENTITY_TYPES) {
    context.fillStyle = ENTITY_STYLE[type].color;
    context.beginPath();
    context.arc(x + 6 * scale, rowY(0), 6 * scale, 0, Math.PI * 2);
    context.fill();
    context.fillStyle = '#222222';
    context.fillText(ENTITY_STYLE[type].label, x + 16 * scale, rowY(0));
    x += context.measureText(ENTITY_STYLE[type].label).width + 36 * scale;
  }
  x = 12 * scale;
  for (const type of RELATION_TYPES) {
    context.strokeStyle = RELATION_STYLE[type].color;
    context.lineWidth = 3 * scale;
    context.setLineDash(
      RELATION_STYLE[type].lineStyle === 'solid' ? [] : RELATION_STYLE[type].lineStyle === 'dashed' ? [6 * scale, 4 * scale] : [2 * scale, 3 * scale],
    );
    context.beginPath();
    context.moveTo(x, rowY(1));
    context.lineTo(x + 20 * scale, rowY(1));
    context.stroke();
    context.fillStyle = '#222222';
    context.fillText(type, x + 26 * scale, rowY(1));
    x += context.measureText(type).width + 46 * scale;
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The PNG could not be encoded.');
  download(blob, fileName);
}

async function fetchDetails(
  entityIds: string[],
  relationIds: string[],
  signal: AbortSignal,
): Promise<{ entities: EntityDetail[]; relations: RelationDetail[] }> {
  const items = [...entityIds.map((id) => ({ kind: 'e' as const, id })), ...relationIds.map((id) => ({ kind: 'r' as const, id }))];
  const entities: EntityDetail[] = [];
  const relations: RelationDetail[] = [];
  const results = await Promise.all(
    chunks(items, MAX_ALIASES).map((chunk) => {
      const request = detailsQuery(
        chunk.filter((item) => item.kind === 'e').map((item) => item.id),
        chunk.filter((item) => item.kind === 'r').map((item) => item.id),
      );
      return graphql<Record<string, EntityDetail | RelationDetail | null>>(request, signal);
    }),
  );
  for (const data of results) {
    for (const [alias, value] of Object.entries(data)) {
      if (!value) continue;
      if (alias.startsWith('e')) entities.push(value as EntityDetail);
      else relations.push(value as RelationDetail);
    }
  }
  return { entities, relations };
}

/**
 * The text of a document, if the API exposes `Document.text`; null when the
 * schema has no such field (then quotes cannot be placed and reports are left out).
 */
async function documentText(id: string, signal: AbortSignal): Promise<string | null> {
  try {
    const data = await graphql<{ document: { text?: string | null } | null }>({ query: DOCUMENT_TEXT, variables: { id } }, signal);
    return data.document?.text ?? null;
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'graphql' && /Cannot query field "text"/.test(error.message)) return null;
    throw error;
  }
}

/** Builds the JSON bundle of the view and downloads it; returns a one-line summary for the analyst. */
export async function exportBundle(view: ViewData, signal: AbortSignal): Promise<{ bundle: Bundle; summary: string }> {
  const { entities, relations } = await fetchDetails([...view.nodes.keys()], [...view.edges.keys()], signal);
  const known = new Set(entities.map((entity) => entity.id));
  const referencedIds = new Set<string>();
  for (const subject of [...entities, ...relations]) {
    for (const report of subject.reportedBy) {
      for (const ref of [report.attributedTo, report.source.entity]) if (ref && !known.has(ref.id)) referencedIds.add(ref.id);
    }
  }
  const referenced = referencedIds.size > 0 ? (await fetchDetails([...referencedIds], [], signal)).entities : [];
  const main = mainDocument(entities, relations);
  const text = main ? await documentText(main.id, signal) : null;
  const { bundle, leftOut } = buildBundle({ entities, relations, referenced, text, documentId: main?.id ?? null });
  download(new Blob([`${JSON.stringify(bundle, null, 2)}\n`], { type: 'application/json' }), `newsgraph-${bundle.document.id}.bundle.json`);
  const summary = `Exported ${bundle.entities.length} entities, ${bundle.relations.length} relations and ${bundle.reports.length} reports of document ${bundle.document.id}. ${describeLeftOut(leftOut)}`;
  return { bundle, summary: summary.trim() };
}
