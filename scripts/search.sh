#!/usr/bin/env bash
# Searches transcript segments and prints the result page as JSON.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib.sh source-path=SCRIPTDIR/..
source "$here/lib.sh"

usage() {
	cat <<'USAGE'
Usage: search.sh QUERY [NAME=VALUE ...]

Calls GET /api/search?q=QUERY with every NAME=VALUE as an extra, URL-encoded parameter:
  episodeId=ID  podcast=NAME  fromMs=MS  toMs=MS  page=N  size=N

Query syntax: words, "exact phrases", AND / OR / NOT, -term, prefix*
Examples:
  search.sh 逐字稿
  search.sh '"speech recognition" OR whisper' episodeId=1 size=5
  search.sh 'search* -audio' podcast='Podlens Weekly'
USAGE
}

if wants_help "$@"; then
	usage
	exit 0
fi
if (($# < 1)); then
	usage_error "expected QUERY"
fi
if [[ -z "${1//[[:space:]]/}" ]]; then
	usage_error "QUERY must not be blank"
fi

args=(-G --data-urlencode "q=$1")
shift
for param in "$@"; do
	if [[ ! "$param" =~ ^[A-Za-z][A-Za-z0-9]*= ]]; then
		usage_error "extra parameters must look like name=value, got '$param'"
	fi
	args+=(--data-urlencode "$param")
done

podlens_request pretty /api/search "${args[@]}"
