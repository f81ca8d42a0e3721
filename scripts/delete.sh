#!/usr/bin/env bash
# Deletes an episode, its segments and its search documents.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib.sh source-path=SCRIPTDIR/..
source "$here/lib.sh"

usage() {
	cat <<'USAGE'
Usage: delete.sh EPISODE_ID

Calls DELETE /api/episodes/EPISODE_ID (204 No Content on success).
USAGE
}

if wants_help "$@"; then
	usage
	exit 0
fi
if (($# != 1)); then
	usage_error "expected EPISODE_ID"
fi
require_id EPISODE_ID "$1"

podlens_request pretty "/api/episodes/$1" -X DELETE
echo "podlens: deleted episode $1" >&2
