#!/usr/bin/env bash
# Lists stored episodes, one page at a time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib.sh source-path=SCRIPTDIR/..
source "$here/lib.sh"

usage() {
	cat <<'USAGE'
Usage: episodes.sh [PAGE] [SIZE]

Calls GET /api/episodes?page=PAGE&size=SIZE (PAGE is 0-based, defaults 0 and 20) and
prints {items, page, size, total}.
USAGE
}

if wants_help "$@"; then
	usage
	exit 0
fi
if (($# > 2)); then
	usage_error "expected [PAGE] [SIZE]"
fi
page="${1:-0}"
size="${2:-20}"
if [[ ! "$page" =~ ^[0-9]+$ || ! "$size" =~ ^[1-9][0-9]*$ ]]; then
	usage_error "PAGE must be a number >= 0 and SIZE a number >= 1"
fi

podlens_request pretty /api/episodes -G --data-urlencode "page=$page" --data-urlencode "size=$size"
