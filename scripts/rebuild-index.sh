#!/usr/bin/env bash
# Rebuilds the search index from the database and prints {segments, tookMs}.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib.sh source-path=SCRIPTDIR/..
source "$here/lib.sh"

usage() {
	cat <<'USAGE'
Usage: rebuild-index.sh

Calls POST /api/admin/index/rebuild. The database is the source of truth; this re-reads
every segment and replaces the Lucene index, then prints {segments, tookMs}.
USAGE
}

if wants_help "$@"; then
	usage
	exit 0
fi
if (($# != 0)); then
	usage_error "expected no arguments"
fi

podlens_request pretty /api/admin/index/rebuild -X POST
