#!/usr/bin/env bash
# Uploads a transcript file as a new episode and prints the created episode as JSON.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib.sh source-path=SCRIPTDIR/..
source "$here/lib.sh"

usage() {
	cat <<'USAGE'
Usage: import.sh FILE [TITLE] [FORMAT]

Uploads FILE (multipart part "file") to POST /api/episodes and prints the created episode.
  TITLE   episode title (default: the file name without its extension)
  FORMAT  auto (default), timestamped-text, srt, webvtt, podcast-json, whisper-json, html

Optional fields from the environment (sent only when set):
  PODLENS_PODCAST, PODLENS_EXTERNAL_ID, PODLENS_LANGUAGE (e.g. zh-Hant),
  PODLENS_PUBLISHED_AT (ISO-8601, e.g. 2026-11-20T08:00:00Z)
  PODLENS_URL (default http://localhost:8080)

Example: PODLENS_PODCAST="Podlens Weekly" import.sh docs/examples/sample-episode.txt "AI 與逐字稿"
USAGE
}

if wants_help "$@"; then
	usage
	exit 0
fi
if (($# < 1 || $# > 3)); then
	usage_error "expected FILE [TITLE] [FORMAT]"
fi

file=$1
if [[ ! -f "$file" || ! -r "$file" ]]; then
	usage_error "cannot read file '$file'"
fi
name="$(basename -- "$file")"
title="${2:-${name%.*}}"
format="${3:-auto}"
case "$format" in
auto | timestamped-text | srt | webvtt | vtt | podcast-json | json | whisper-json | html) ;;
*) usage_error "unknown format '$format'" ;;
esac

# Quote the path so that commas, semicolons and quotes in it reach curl unharmed.
quoted="${file//\\/\\\\}"
quoted="${quoted//\"/\\\"}"
args=(-F "file=@\"$quoted\"" --form-string "title=$title" --form-string "format=$format")
# --form-string sends values verbatim: no @file or <file interpretation.
[[ -n "${PODLENS_PODCAST:-}" ]] && args+=(--form-string "podcast=$PODLENS_PODCAST")
[[ -n "${PODLENS_EXTERNAL_ID:-}" ]] && args+=(--form-string "externalId=$PODLENS_EXTERNAL_ID")
[[ -n "${PODLENS_LANGUAGE:-}" ]] && args+=(--form-string "language=$PODLENS_LANGUAGE")
[[ -n "${PODLENS_PUBLISHED_AT:-}" ]] && args+=(--form-string "publishedAt=$PODLENS_PUBLISHED_AT")

podlens_request pretty /api/episodes "${args[@]}"
