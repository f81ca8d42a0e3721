#!/usr/bin/env bash
# Lists stored episodes, one page at a time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib.sh source-path=SCRIPTDIR/..
source "$here/lib.sh"

usage() {
	cat <<'USAGE'
Usage: episodes.sh [PAGE] [SIZE]

Calls GET /api/episodes?page=PAGE&size=SIZE and prints {items, page, size, total}.
Without arguments the service's defaults apply (the first page).
USAGE
}

if wants_help "$@"; then
	usage
	exit 0
fi
if (($# > 2)); then
	usage_error "expected [PAGE] [SIZE]"
fi
args=(-G)
if (($# >= 1)); then
	[[ "$1" =~ ^[0-9]+$ ]] || usage_error "PAGE must be a number, got '$1'"
	args+=(--data-urlencode "page=$1")
fi
if (($# == 2)); then
	[[ "$2" =~ ^[1-9][0-9]*$ ]] || usage_error "SIZE must be a number >= 1, got '$2'"
	args+=(--data-urlencode "size=$2")
fi

podlens_request pretty /api/episodes "${args[@]}"
