#!/usr/bin/env bash
# Prints an episode's transcript in an export format, byte for byte as the service sent it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib.sh source-path=SCRIPTDIR/..
source "$here/lib.sh"

usage() {
	cat <<'USAGE'
Usage: export.sh EPISODE_ID [srt|webvtt|podcast-json]

Calls GET /api/episodes/EPISODE_ID/transcript?format=FORMAT (default srt) and writes the
transcript to stdout unchanged, so it can be redirected to a file and imported again.
Example: export.sh 1 webvtt > episode-1.vtt
USAGE
}

if wants_help "$@"; then
	usage
	exit 0
fi
if (($# < 1 || $# > 2)); then
	usage_error "expected EPISODE_ID [FORMAT]"
fi
require_id EPISODE_ID "$1"
format="${2:-srt}"
case "$format" in
srt | webvtt | podcast-json) ;;
*) usage_error "format must be srt, webvtt or podcast-json, got '$format'" ;;
esac

podlens_request raw "/api/episodes/$1/transcript" -G --data-urlencode "format=$format"
