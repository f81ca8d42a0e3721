# shellcheck shell=bash
# Helpers shared by the Podlens client scripts. Sourced, not run.
#
# Environment:
#   PODLENS_URL  base URL of the service (default http://localhost:8080)
#   PODLENS_RAW  set to 1 to print JSON exactly as received, even when jq is installed

PODLENS_URL="${PODLENS_URL:-http://localhost:8080}"
PODLENS_URL="${PODLENS_URL%/}"

if ! command -v curl >/dev/null 2>&1; then
	echo "podlens: curl is required" >&2
	exit 127
fi

PODLENS_TMP="$(mktemp -d)"
trap 'rm -rf "$PODLENS_TMP"' EXIT

# usage_error MESSAGE: prints MESSAGE and the script's usage on stderr, exits 2.
usage_error() {
	printf 'podlens: %s\n' "$1" >&2
	usage >&2
	exit 2
}

# wants_help ARG...: true when any argument asks for help.
wants_help() {
	local arg
	for arg in "$@"; do
		case "$arg" in
		-h | --help) return 0 ;;
		esac
	done
	return 1
}

# podlens_print MODE CONTENT_TYPE FILE: prints a response body. MODE pretty formats JSON
# with jq when it is installed; MODE raw copies the bytes unchanged.
podlens_print() {
	local mode=$1 content_type=$2 file=$3
	if [[ ! -s "$file" ]]; then
		return 0
	fi
	if [[ "$mode" == pretty && "$content_type" == *json* && "${PODLENS_RAW:-0}" != 1 ]] &&
		command -v jq >/dev/null 2>&1 && jq . "$file" 2>/dev/null; then
		return 0
	fi
	cat "$file"
	# Keep the shell prompt off the last line when the body lacks a final newline.
	if [[ "$mode" == pretty && -n "$(tail -c 1 "$file")" ]]; then
		echo
	fi
}

# podlens_request MODE PATH [CURL_ARGS...]: calls $PODLENS_URL$PATH. Prints the body on
# stdout and returns 0 for 1xx-3xx; for an HTTP error prints the status and the
# problem+json body on stderr and returns 1. Works with any curl version: the status is
# read with --write-out instead of relying on --fail-with-body (curl >= 7.76).
podlens_request() {
	local mode=$1 path=$2
	shift 2
	local url="$PODLENS_URL$path" body="$PODLENS_TMP/body" meta rc=0
	meta="$(curl -sS -o "$body" -w '%{http_code} %{content_type}' "$@" "$url")" || rc=$?
	if ((rc != 0)); then
		echo "podlens: request to $url failed (curl exit $rc); is the service running? Set PODLENS_URL to reach another host." >&2
		return "$rc"
	fi
	local status="${meta%% *}" content_type="${meta#* }"
	if ((status >= 400)); then
		echo "podlens: HTTP $status from $url" >&2
		podlens_print pretty "$content_type" "$body" >&2
		return 1
	fi
	podlens_print "$mode" "$content_type" "$body"
}

# require_id NAME VALUE: exits with a usage error unless VALUE is a positive integer.
require_id() {
	if [[ ! "$2" =~ ^[1-9][0-9]*$ ]]; then
		usage_error "$1 must be a positive integer, got '$2'"
	fi
}
