import { GraphQLError } from 'graphql';

export type DocumentField = 'text' | 'title' | 'publishedAt' | 'url' | 'publisher';

const HOW_TO_REPLACE = 'an admin may replace it (ingestBundle with replaceDocument: true, or newsgraph ingest --replace-documents)';
const REPORTS_SHOWN = 200;

/**
 * A document id already stored with other content. Nothing of the ingest
 * (or of the stream's batch) was written. `extensions.documentId` names the
 * document, `fields` what differs, `reports` the stored reports a
 * replacement would break.
 */
export class DocumentConflictError extends GraphQLError {
  private constructor(message: string, extensions: Record<string, unknown>) {
    super(message, { extensions: { code: 'DOCUMENT_CONFLICT', ...extensions } });
    this.name = 'DocumentConflictError';
  }

  static differs(conflicts: ReadonlyArray<{ documentId: string; fields: DocumentField[] }>): DocumentConflictError {
    const [first] = conflicts as [{ documentId: string; fields: DocumentField[] }];
    const others = conflicts.length > 1 ? ` (and ${conflicts.length - 1} other document${conflicts.length > 2 ? 's' : ''})` : '';
    return new DocumentConflictError(
      `Document "${first.documentId}" is already stored with a different ${first.fields.join(', ')}${others}; nothing was written. ` +
        `Ingest it under a new document id, or ${HOW_TO_REPLACE}.`,
      { documentId: first.documentId, fields: first.fields, conflicts: conflicts.slice(0, 20) },
    );
  }

  static brokenQuotes(documentId: string, reportIds: readonly string[]): DocumentConflictError {
    return new DocumentConflictError(
      `Replacing document "${documentId}" would leave ${reportIds.length} stored report${reportIds.length === 1 ? '' : 's'} quoting text that is not at ${reportIds.length === 1 ? 'its' : 'their'} offsets in the new text ` +
        `(${reportIds.slice(0, 3).join(', ')}${reportIds.length > 3 ? ', ...' : ''}); nothing was written. Correct those reports in the same ingest, or keep the stored text.`,
      { documentId, fields: ['text'], reports: reportIds.slice(0, REPORTS_SHOWN) },
    );
  }
}
