import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { AnalystEdge, AnalystNode } from '../../src/export/analyst-fields.js';
import { cytoscapeEdge, cytoscapeNode } from '../../src/export/cytoscape-export.js';

const PROVENANCE = { methods: ['manual'], rules: [], confidence: null, sourceCount: 1, independentSourceCount: 1, status: 'SINGLE_SOURCE' };

const entity = (id: string): AnalystNode => ({
  id,
  type: 'ORGANIZATION',
  labels: ['Entity', 'Organization'],
  name: id,
  aliases: [],
  description: null,
  title: null,
  category: null,
  startDate: null,
  endDate: null,
  createdAt: null,
  ...PROVENANCE,
});

describe('Cytoscape element ids', () => {
  // Entity and relation ids are separate sets of slugs (a bundle may hold entity "acme" and
  // relation "acme"), but Cytoscape keeps one id per element across nodes and edges: an edge
  // whose id is a node's would be dropped on loading.
  it('keeps a relation whose id is also an entity id', () => {
    const relation: AnalystEdge = { id: 'acme', type: 'MEMBER_OF', from: 'acme', to: 'holding', role: null, startDate: null, endDate: null, ...PROVENANCE };
    const cy = cytoscape({
      headless: true,
      elements: { nodes: [cytoscapeNode(entity('acme')), cytoscapeNode(entity('holding'))], edges: [cytoscapeEdge(relation)] },
    });
    expect(cy.edges()).toHaveLength(1);
    const edge = cy.edges()[0]!;
    expect(edge.data('relationId')).toBe('acme');
    expect([edge.source().id(), edge.target().id()]).toEqual(['acme', 'holding']);
  });
});
