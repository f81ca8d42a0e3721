#!/usr/bin/env bash
# A SolrCloud test cluster from the project's own Maven artifacts (solr-test-framework's
# MiniSolrCloudCluster: real Solr nodes, embedded ZooKeeper, the Podlens plugin on the
# nodes' class path); nothing is downloaded at run time beyond what Maven resolves.
#
#   scripts/solr-test-cluster.sh start [--nodes N] [--dir DIR]   (default 2 nodes, target/solr-test-cluster)
#   scripts/solr-test-cluster.sh stop [--dir DIR]
#   scripts/solr-test-cluster.sh node-stop|node-start I [--dir DIR]   (node I, 0-based, of a running cluster)
#
# start builds podlens-text and podlens-solr (offline unless PODLENS_MVN_ONLINE=1), starts
# the cluster in the background on free loopback ports, waits until it is up and prints
# the endpoints file DIR/endpoints.json:
#   {"solr": ["http://127.0.0.1:PORT/solr", ...], "zkHost": "127.0.0.1:PORT/solr",
#    "control": "http://127.0.0.1:PORT", "pid": N, "startMs": M}
# Pass it to the Solr contract tests with -Dpodlens.solr.endpoints=DIR/endpoints.json, or
# point podlens.search.solr.urls at the listed URLs. The cluster has no collection until
# Podlens creates one. stop kills it (its process id is in DIR/pid) and deletes DIR.
# node-stop stops one node (Jetty and cores closed, gone from ZooKeeper) and node-start
# starts it again on the same port, through the cluster's control address; both wait
# until done. For tests of a node that is away during writes.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

usage() {
	sed -n '5,7p' "${BASH_SOURCE[0]}" | sed 's/^# *//'
}

command=${1:-}
[[ $# -gt 0 ]] && shift
NODE=""
if [[ "$command" == node-* ]]; then
	NODE=${1:-}
	[[ "$NODE" =~ ^[0-9]+$ ]] || { echo "solr-test-cluster: $command needs a node number" >&2; usage >&2; exit 2; }
	shift
fi
NODES=2
DIR=target/solr-test-cluster
while [[ $# -gt 0 ]]; do
	case "$1" in
	--nodes) NODES=$2; shift 2 ;;
	--dir) DIR=$2; shift 2 ;;
	-h | --help) usage; exit 0 ;;
	*) echo "solr-test-cluster: unknown argument $1" >&2; usage >&2; exit 2 ;;
	esac
done
[[ "$DIR" == /* ]] || DIR="$ROOT/$DIR"

stop() {
	if [[ -f "$DIR/pid" ]]; then
		local pid
		pid=$(cat "$DIR/pid")
		if kill -0 "$pid" 2>/dev/null; then
			kill "$pid"
			for _ in $(seq 1 60); do
				kill -0 "$pid" 2>/dev/null || break
				sleep 0.5
			done
			if kill -0 "$pid" 2>/dev/null; then
				echo "solr-test-cluster: $pid did not stop in 30 s, killing it" >&2
				kill -9 "$pid" 2>/dev/null || true
			fi
		fi
		echo "solr-test-cluster: stopped $pid"
	fi
	rm -rf "$DIR"
}

start() {
	if [[ -f "$DIR/pid" ]] && kill -0 "$(cat "$DIR/pid")" 2>/dev/null; then
		echo "solr-test-cluster: already running (pid $(cat "$DIR/pid")); stop it first" >&2
		exit 1
	fi
	rm -rf "$DIR"
	mkdir -p "$DIR"
	local offline=-o
	[[ "${PODLENS_MVN_ONLINE:-0}" == 1 ]] && offline=""
	# The class path of podlens-solr with its provided (Solr) dependencies, from this build.
	./mvnw -B -ntp -q $offline -pl podlens-solr -am -DskipTests -Dspring-javaformat.skip=true package \
		dependency:build-classpath -Dmdep.outputFile="$DIR/classpath.txt" -Dmdep.includeScope=test </dev/null
	# Copies of this build's own classes and jars, so that a build running meanwhile (CI's
	# verify) may rewrite target/ without touching the running nodes' class path.
	mkdir -p "$DIR/lib"
	cp -r "$ROOT/podlens-solr/target/classes" "$DIR/lib/podlens-solr-classes"
	local classpath="$DIR/lib/podlens-solr-classes" entry
	# (no final newline in the file: read then returns 1)
	IFS=: read -r -a entries <"$DIR/classpath.txt" || true
	for entry in "${entries[@]}"; do
		if [[ "$entry" == "$ROOT"/* ]]; then
			cp -r "$entry" "$DIR/lib/"
			entry="$DIR/lib/$(basename "$entry")"
		fi
		classpath="$classpath:$entry"
	done
	nohup java -Xmx${PODLENS_SOLR_HEAP:-768m} -Djava.security.egd=file:/dev/./urandom \
		-Dlog4j2.configurationFile="$ROOT/podlens-solr/src/cluster/log4j2.xml" \
		-Dsolr.log.dir="$DIR/logs" -Dhost=127.0.0.1 \
		-cp "$classpath" io.podlens.solr.testcluster.TestCluster \
		--nodes "$NODES" --dir "$DIR/nodes" --endpoints "$DIR/endpoints.json" >"$DIR/cluster.log" 2>&1 &
	echo $! >"$DIR/pid"
	for _ in $(seq 1 240); do
		if [[ -f "$DIR/endpoints.json" ]]; then
			cat "$DIR/endpoints.json"
			return 0
		fi
		if ! kill -0 "$(cat "$DIR/pid")" 2>/dev/null; then
			echo "solr-test-cluster: the cluster exited; its log:" >&2
			tail -n 50 "$DIR/cluster.log" >&2
			exit 1
		fi
		sleep 0.5
	done
	echo "solr-test-cluster: not up after 120 s; see $DIR/cluster.log" >&2
	stop
	exit 1
}

# node ACTION: POSTs /nodes/NODE/ACTION to the cluster's control address.
node() {
	local control
	[[ -f "$DIR/endpoints.json" ]] || { echo "solr-test-cluster: no cluster in $DIR" >&2; exit 1; }
	control=$(sed -n 's/.*"control": "\([^"]*\)".*/\1/p' "$DIR/endpoints.json")
	[[ -n "$control" ]] || { echo "solr-test-cluster: $DIR/endpoints.json has no control address" >&2; exit 1; }
	curl -fsS -X POST "$control/nodes/$NODE/$1"
}

case "$command" in
start) start ;;
stop) stop ;;
node-stop) node stop ;;
node-start) node start ;;
*) usage >&2; exit 2 ;;
esac
