import { describe, expect, it } from 'vitest';
import type { AnalystEdge, AnalystNode } from '../../src/export/analyst-fields.js';
import { cytoscapeEdge, cytoscapeNode } from '../../src/export/cytoscape-export.js';
import { ftmEntity, ftmRelation } from '../../src/export/ftm-mapping.js';
import { GEXF_HEADER, gexfEdge, gexfNode } from '../../src/export/gexf-export.js';
import type { RelationEnds } from '../../src/export/graph-rows.js';

const COUNTS = { sourceCount: 3, independentSourceCount: 2, status: 'CORROBORATED' };
const HAND_MADE = { methods: ['manual'], rules: [], confidence: null };

const node = (overrides: Partial<AnalystNode>): AnalystNode => ({
  id: 'zapad',
  type: 'EVENT',
  labels: ['Entity', 'Event'],
  name: 'Zapad/Interaction-2021',
  aliases: [],
  description: null,
  title: null,
  category: null,
  startDate: '2021-08-09',
  endDate: '2021-08',
  createdAt: null,
  ...HAND_MADE,
  ...COUNTS,
  ...overrides,
});

const edge = (overrides: Partial<AnalystEdge & RelationEnds>): AnalystEdge & RelationEnds => ({
  id: 'china-pi-zapad',
  type: 'PARTICIPATES_IN',
  from: 'china',
  to: 'zapad',
  fromType: 'COUNTRY',
  toType: 'EVENT',
  role: null,
  startDate: null,
  endDate: null,
  ...HAND_MADE,
  ...COUNTS,
  ...overrides,
});

describe('GEXF elements', () => {
  it('declares typed attributes and no internal field', () => {
    expect(GEXF_HEADER).toContain('<attribute id="independentSourceCount" title="independentSourceCount" type="integer"/>');
    expect(GEXF_HEADER).toContain('<attribute id="confidence" title="confidence" type="double"/>');
    expect(GEXF_HEADER).not.toContain('aliasText');
  });

  it('writes values in attributes, escaped, line breaks as references, lists joined', () => {
    const xml = gexfNode(node({ name: 'A <&> "B"', description: 'one\r\ntwo', aliases: ['x', 'y'] }));
    expect(xml).toContain('<node id="zapad" label="A &lt;&amp;&gt; &quot;B&quot;">');
    expect(xml).toContain('<attvalue for="description" value="one&#13;&#10;two"/>');
    expect(xml).toContain('<attvalue for="aliases" value="x; y"/>');
    expect(xml).not.toContain('for="title"');
    expect(gexfEdge(edge({}))).toContain('<edge id="china-pi-zapad" source="china" target="zapad" label="PARTICIPATES_IN" kind="PARTICIPATES_IN">');
  });
});

describe('Cytoscape elements', () => {
  it('gives node data an id and name, edge data source, target and interaction; lists stay arrays', () => {
    expect(cytoscapeNode(node({ aliases: ['x'] })).data).toMatchObject({
      id: 'zapad',
      name: 'Zapad/Interaction-2021',
      aliases: ['x'],
      methods: ['manual'],
      ...COUNTS,
    });
    expect(cytoscapeNode(node({})).data).not.toHaveProperty('aliases');
    expect(cytoscapeEdge(edge({})).data).toMatchObject({
      id: 'relation.china-pi-zapad',
      relationId: 'china-pi-zapad',
      source: 'china',
      target: 'zapad',
      interaction: 'PARTICIPATES_IN',
      ...COUNTS,
    });
  });
});

describe('FollowTheMoney mapping', () => {
  it('maps each entity type to its schema with its own properties', () => {
    expect(ftmEntity(node({})).schema).toBe('Event');
    expect(ftmEntity(node({})).properties).toMatchObject({ startDate: ['2021-08-09'], endDate: ['2021-08'] });
    expect(ftmEntity(node({ type: 'PERSON', title: 'General' })).properties).toMatchObject({ position: ['General'] });
    expect(ftmEntity(node({ type: 'ORGANIZATION', category: 'military' })).properties).toMatchObject({ classification: ['military'] });
    expect(ftmEntity(node({ type: 'COUNTRY' })).schema).toBe('PublicBody');
    expect(ftmEntity(node({ type: 'LOCATION', name: 'Ningxia' })).properties).toMatchObject({ name: ['Ningxia'], full: ['Ningxia'] });
    expect(() => ftmEntity(node({ type: 'PLANET' }))).toThrow(/unknown type/);
  });

  it('carries the counts in the newsgraph object and in summary', () => {
    const entity = ftmEntity(node({}));
    expect(entity.newsgraph).toEqual({ type: 'EVENT', ...COUNTS });
    expect(entity.properties.summary).toEqual(['newsgraph: 3 sources, 2 independent (CORROBORATED)']);
  });

  it('makes each relation an interval entity by what it joins', () => {
    expect(ftmRelation(edge({ type: 'MEMBER_OF', toType: 'ORGANIZATION', role: 'chair' }))).toMatchObject({
      id: 'relation.china-pi-zapad',
      schema: 'Membership',
      properties: { member: ['china'], organization: ['zapad'], role: ['chair'] },
    });
    expect(ftmRelation(edge({ type: 'COMMANDS', fromType: 'PERSON', toType: 'ORGANIZATION' })).schema).toBe('Directorship');
    expect(ftmRelation(edge({ type: 'COMMANDS', fromType: 'PERSON', toType: 'EVENT' }))).toMatchObject({
      schema: 'UnknownLink',
      properties: { role: ['commands'] },
    });
    expect(ftmRelation(edge({ role: 'host' })).properties).toMatchObject({ subject: ['china'], object: ['zapad'], role: ['participates in: host'] });
    expect(ftmRelation(edge({ type: 'LOCATED_IN', startDate: '2021' })).properties).toMatchObject({ role: ['located in'], startDate: ['2021'] });
  });
});
