import type { Executor } from '../db/executor.js';
import { ingestBundle, type IngestOptions } from '../ingest/ingest.js';
import { previewBundleResolution, previewResolution } from '../ingest/resolution-preview.js';
import type { BundleEntity } from '../model/bundle-schema.js';

/**
 * Bundles through the API: written by the ingest path the CLI uses (one
 * transaction of its own), or resolved against the graph without writing.
 */
export class BundleRepository {
  constructor(private readonly db: Executor) {}

  ingest(bundle: unknown, options: IngestOptions) {
    return ingestBundle(this.db, bundle, options);
  }

  /** Validates the bundle first, as ingest does, then says what each entity would resolve to. */
  previewResolution(bundle: unknown) {
    return previewBundleResolution(this.db, bundle);
  }

  /** The same for a draft the extraction made (already in the bundle's shape). */
  previewDraftResolution(draft: { entities: readonly BundleEntity[] }) {
    return previewResolution(this.db, draft);
  }
}
