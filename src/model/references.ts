import type { BundleDocument, BundleEntity, BundleRelation, BundleReport, BundleSource } from './bundle-schema.js';
import { DocumentText } from './quotes.js';
import { RELATION_ENDPOINTS, VALUE_PROPERTIES_OF, type EntityType } from './types.js';

export interface ValidationIssue {
  /** Where in the input: `entities[3].type` for a bundle, `line 12: type` for NDJSON. */
  path: string;
  message: string;
}

/**
 * Cross-record checks that a schema alone cannot make: unique ids, dangling
 * references, endpoint types and quotes at their offsets. Records are added in
 * order, and a record may only refer to what came before it (sources may name
 * their entity anywhere; that is checked in `finish`).
 */
export class ReferenceChecker {
  private readonly entities = new Map<string, EntityType>();
  private readonly relations = new Set<string>();
  private readonly sources = new Set<string>();
  private readonly documents = new Map<string, DocumentText>();
  private readonly reports = new Set<string>();
  private readonly sourceEntities: Array<{ path: string; entity: string }> = [];
  private readonly publishers: Array<{ path: string; source: string }> = [];

  constructor(private readonly issues: ValidationIssue[] = []) {}

  get found(): readonly ValidationIssue[] {
    return this.issues;
  }

  private issue(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  private unique(set: { has(id: string): boolean }, id: string, path: string, what: string): boolean {
    if (set.has(id)) {
      this.issue(`${path}.id`, `duplicate ${what} id "${id}"`);
      return false;
    }
    return true;
  }

  addDocument(document: BundleDocument, path: string): void {
    if (this.unique(this.documents, document.id, path, 'document')) this.documents.set(document.id, new DocumentText(document.text));
    if (document.publisher) this.publishers.push({ path: `${path}.publisher`, source: document.publisher });
  }

  addSource(source: BundleSource, path: string): void {
    if (this.unique(this.sources, source.id, path, 'source')) this.sources.add(source.id);
    if (source.entity) this.sourceEntities.push({ path: `${path}.entity`, entity: source.entity });
  }

  addEntity(entity: BundleEntity, path: string): void {
    if (this.unique(this.entities, entity.id, path, 'entity')) this.entities.set(entity.id, entity.type);
  }

  addRelation(relation: BundleRelation, path: string): void {
    if (this.unique(this.relations, relation.id, path, 'relation')) this.relations.add(relation.id);
    const allowed = RELATION_ENDPOINTS[relation.type];
    for (const end of ['from', 'to'] as const) {
      const type = this.entities.get(relation[end]);
      if (!type) this.issue(`${path}.${end}`, `unknown entity "${relation[end]}"`);
      else if (!allowed[end].includes(type)) {
        this.issue(`${path}.${end}`, `${relation.type} cannot go ${end} a ${type} ("${relation[end]}"); allowed: ${allowed[end].join(', ')}`);
      }
    }
  }

  addReport(report: BundleReport, documentId: string, path: string): void {
    if (this.unique(this.reports, `${documentId}/${report.id}`, path, 'report')) this.reports.add(`${documentId}/${report.id}`);
    if ('entity' in report.subject) {
      if (!this.entities.has(report.subject.entity)) this.issue(`${path}.subject.entity`, `unknown entity "${report.subject.entity}"`);
    } else if (!this.relations.has(report.subject.relation)) {
      this.issue(`${path}.subject.relation`, `unknown relation "${report.subject.relation}"`);
    }
    if (!this.sources.has(report.source)) this.issue(`${path}.source`, `unknown source "${report.source}"`);
    this.checkValues(report, path);
    if (report.attributedTo) {
      const type = this.entities.get(report.attributedTo);
      if (!type) this.issue(`${path}.attributedTo`, `unknown entity "${report.attributedTo}"`);
      else if (type !== 'PERSON' && type !== 'ORGANIZATION')
        this.issue(`${path}.attributedTo`, `a statement is attributed to a PERSON or ORGANIZATION, not a ${type}`);
    }
    const text = this.documents.get(documentId);
    if (!text) {
      this.issue(`${path}.document`, `unknown document "${documentId}"`);
      return;
    }
    this.checkQuote(report, text, path);
  }

  /** A report's own values name only properties its subject has: a person's title, an event's dates, a relation's role. */
  private checkValues(report: BundleReport, path: string): void {
    if (!report.values) return;
    const type = 'entity' in report.subject ? this.entities.get(report.subject.entity) : 'relation';
    if (!type) return;
    const allowed = VALUE_PROPERTIES_OF[type];
    for (const property of Object.keys(report.values)) {
      if (!allowed.includes(property))
        this.issue(
          `${path}.values.${property}`,
          `a report about a ${type === 'relation' ? 'relation' : type} gives no ${property}; it may give ${allowed.join(', ')}`,
        );
    }
  }

  private checkQuote(report: BundleReport, text: DocumentText, path: string): void {
    if (report.end <= report.start) {
      this.issue(`${path}.end`, `end (${report.end}) must be greater than start (${report.start})`);
    } else if (report.end > text.length) {
      this.issue(`${path}.end`, `end (${report.end}) is past the end of the document (${text.length} characters)`);
    } else {
      const actual = text.slice(report.start, report.end);
      if (actual !== report.quote) {
        this.issue(
          `${path}.quote`,
          `quote does not match the document at ${report.start}..${report.end}: the text there is ${JSON.stringify(actual.slice(0, 80))}`,
        );
      }
    }
  }

  /** Checks left for the end, and returns every issue found. */
  finish(): ValidationIssue[] {
    for (const { path, entity } of this.sourceEntities) {
      if (!this.entities.has(entity)) this.issue(path, `unknown entity "${entity}"`);
    }
    // A stream may give the publisher's source after its document.
    for (const { path, source } of this.publishers) {
      if (!this.sources.has(source)) this.issue(path, `unknown source "${source}"`);
    }
    return this.issues;
  }
}
