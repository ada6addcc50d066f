/**
 * The selection of `ingestBundle`'s answer that the CLI (`ingest --api`) and
 * the explorer's review page both read: one text, so that both show the same
 * summary. Plain text, no imports: the explorer bundles it too.
 */
export const INGEST_SUMMARY_SELECTION = `documents sources reports
    entities { created matched ambiguous }
    relations { created matched }
    createdEntityIds
    matches { id matchedId by value }
    ambiguities { id name candidates }`;
