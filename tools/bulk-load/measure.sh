#!/usr/bin/env bash
# Measures a bulk load: generates N entities (about 5 records each) as NDJSON, ingests them into a
# fresh embedded Neo4j, and samples the Node process's RSS every 5 s. Usage: tools/bulk-load/measure.sh [ENTITIES]
set -euo pipefail
cd "$(dirname "$0")/../.."
entities="${1:-200000}"
work="$(mktemp -d /tmp/newsgraph-bulk-XXXXXX)"
npx tsx tools/generate/main.ts --entities "$entities" --seed 1 --out "$work/stream.ndjson"
export NEWSGRAPH_DATA_DIR="$work/data" NEWSGRAPH_EMBEDDED_PORT="${NEWSGRAPH_EMBEDDED_PORT:-17688}" LOG_LEVEL=warn
export NEWSGRAPH_EMBEDDED_HEAP="${NEWSGRAPH_EMBEDDED_HEAP:-2g}" NEWSGRAPH_EMBEDDED_PAGECACHE="${NEWSGRAPH_EMBEDDED_PAGECACHE:-1g}"
node bin/newsgraph.mjs ingest "$work/stream.ndjson" > "$work/summary.txt" &
loader=$!
: > "$work/rss.txt"
while kill -0 "$loader" 2>/dev/null; do
  awk '/VmRSS/ {print $2}' "/proc/$loader/status" >> "$work/rss.txt" 2>/dev/null || true
  sleep 5
done
wait "$loader"
cat "$work/summary.txt"
awk '{ v[NR] = $1; if ($1 > peak) peak = $1 }
     END { q = int(NR / 4); for (i = 1; i <= q; i++) { a += v[i]; b += v[NR - q + i] }
           printf "node RSS: peak %d MiB, first-quarter mean %d MiB, last-quarter mean %d MiB (%d samples)\n", peak / 1024, a / q / 1024, b / q / 1024, NR }' "$work/rss.txt"
echo "files in $work"
