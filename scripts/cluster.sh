#!/usr/bin/env bash
# Podlens scaled out, on one machine: a 2-node SolrCloud, a PostgreSQL and two Podlens
# instances sharing both, all fresh, on free loopback ports, with their data under
# target/cluster.
#
#   scripts/cluster.sh start [--no-build]
#   scripts/cluster.sh stop
#   scripts/cluster.sh solr-node stop|start I     (stop or start Solr node I, 0-based)
#
# start builds the service jar (skip with --no-build when podlens-service/target holds one),
# starts the Solr test cluster (scripts/solr-test-cluster.sh: MiniSolrCloudCluster from the
# project's Maven artifacts, the plugin on the nodes' class path, an embedded ZooKeeper;
# both nodes run in one JVM), a PostgreSQL 15 (installed with apt-get when missing, as
# .ci/run does; scripts/lib/postgres.sh) with database podlens, then both instances at once
# (the first creates the collection, 2 shards x 2 replicas), each `java -jar` with
# SPRING_PROFILES_ACTIVE=postgres, podlens.search.backend=solr and embeddings off. It writes
# target/cluster/endpoints.json:
#   {"instances": ["http://127.0.0.1:PORT", ...], "solr": ["http://127.0.0.1:PORT/solr", ...],
#    "pids": {"instances": [N, N], "solr": [N], "postgres": N}}
# Extra settings for both instances: PODLENS_CLUSTER_ARGS="--podlens.events.retry-after=5s ...".
# Heap: PODLENS_CLUSTER_HEAP (512m per instance), PODLENS_SOLR_HEAP (768m for both nodes).
#
# stop stops the instances, Solr and PostgreSQL (whatever of them runs) and leaves their
# logs in target/cluster.
set -eEuo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
DIR=$ROOT/target/cluster
INSTANCES=2

# shellcheck source=lib/postgres.sh
source scripts/lib/postgres.sh

usage() {
	sed -n '6,8p' "${BASH_SOURCE[0]}" | sed 's/^# *//'
}

# free_port FROM: the first loopback port from FROM that nothing listens on.
free_port() {
	local port
	for port in $(seq "$1" $(($1 + 200))); do
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return
		fi
	done
	echo "cluster: no free port from $1" >&2
	return 1
}

json_list() {
	local IFS=,
	echo "[$*]"
}

quoted() {
	local out=() one
	for one in "$@"; do
		out+=("\"$one\"")
	done
	json_list "${out[@]}"
}

running() {
	[[ -n "$1" ]] && kill -0 "$1" 2>/dev/null
}

start_instance() {
	local n=$1 port=$2 solr_urls=$3 home=$DIR/instance-$n
	mkdir -p "$home"
	# shellcheck disable=SC2086 # PODLENS_CLUSTER_ARGS is a list of arguments
	SPRING_PROFILES_ACTIVE=postgres \
		SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/podlens?reWriteBatchedInserts=true" \
		SPRING_DATASOURCE_USERNAME=podlens SPRING_DATASOURCE_PASSWORD=podlens \
		nohup java "-Xmx${PODLENS_CLUSTER_HEAP:-512m}" -jar "$JAR" \
		--server.address=127.0.0.1 --server.port="$port" --podlens.data-dir="$home/data" \
		--podlens.search.backend=solr --podlens.search.solr.urls="$solr_urls" \
		--podlens.embedding.enabled=false ${PODLENS_CLUSTER_ARGS:-} >"$home/log" 2>&1 &
	echo $! >"$home/pid"
}

await_instance() {
	local n=$1 port=$2 home=$DIR/instance-$1 pid
	pid=$(cat "$home/pid")
	for _ in $(seq 1 480); do
		if curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q UP; then
			echo "== instance $n up: http://127.0.0.1:$port (pid $pid, log $home/log)"
			return 0
		fi
		if ! running "$pid"; then
			echo "cluster: instance $n exited; its log:" >&2
			tail -n 40 "$home/log" >&2
			return 1
		fi
		sleep 0.5
	done
	echo "cluster: instance $n not ready after 240 s; see $home/log" >&2
	return 1
}

start() {
	local build=1
	[[ "${1:-}" == "--no-build" ]] && build=0
	if [[ -f "$DIR/endpoints.json" ]]; then
		echo "cluster: $DIR/endpoints.json exists: running already? run scripts/cluster.sh stop first" >&2
		exit 1
	fi
	rm -rf "$DIR"
	mkdir -p "$DIR"
	if [[ $build == 1 ]]; then
		echo "== building the service jar"
		./mvnw -B -ntp -q -o -pl podlens-service -am package -DskipTests -Dspring-javaformat.skip=true </dev/null
	fi
	JAR=$(ls "$ROOT"/podlens-service/target/podlens-*.jar 2>/dev/null | grep -v -- '-plain.jar' | head -n 1 || true)
	[[ -n "$JAR" ]] || { echo "cluster: no podlens-service/target/podlens-*.jar; run without --no-build" >&2; exit 1; }
	# Anything that fails from here on stops what was started.
	trap 'echo "cluster: start failed; stopping what was started" >&2; trap - ERR; stop; exit 1' ERR

	echo "== starting the Solr test cluster (2 nodes)"
	scripts/solr-test-cluster.sh start --nodes 2 --dir "$DIR/solr" >/dev/null
	local solr_json solr_urls solr_pid
	solr_json=$(cat "$DIR/solr/endpoints.json")
	solr_urls=$(echo "$solr_json" | sed -n 's/.*"solr": \[\([^]]*\)\].*/\1/p' | tr -d ' "')
	solr_pid=$(cat "$DIR/solr/pid")
	echo "== Solr up: $solr_urls (pid $solr_pid)"

	pg_install
	pg_start "$DIR/postgres"
	pg_create_database podlens

	local urls=() pids=() ports=() port=18080 n
	# All at once: the first to get there creates the collection, the others wait for it.
	for n in $(seq 1 $INSTANCES); do
		port=$(free_port "$port")
		ports+=("$port")
		start_instance "$n" "$port" "$solr_urls"
		urls+=("http://127.0.0.1:$port")
		pids+=("$(cat "$DIR/instance-$n/pid")")
		port=$((port + 1))
	done
	for n in $(seq 1 $INSTANCES); do
		await_instance "$n" "${ports[$((n - 1))]}"
	done
	trap - ERR
	IFS=, read -r -a solr_list <<<"$solr_urls"
	cat >"$DIR/endpoints.json" <<JSON
{"instances": $(quoted "${urls[@]}"), "solr": $(quoted "${solr_list[@]}"), "pids": {"instances": $(json_list "${pids[@]}"), "solr": [$solr_pid], "postgres": $PG_PID}}
JSON
	cat "$DIR/endpoints.json"
}

stop_pid() {
	local what=$1 pid=$2
	if running "$pid"; then
		kill "$pid"
		for _ in $(seq 1 60); do
			running "$pid" || break
			sleep 0.5
		done
		if running "$pid"; then
			echo "cluster: $what ($pid) did not stop in 30 s, killing it" >&2
			kill -9 "$pid" 2>/dev/null || true
		fi
		echo "== stopped $what ($pid)"
	fi
}

stop() {
	local n
	for n in $(seq 1 $INSTANCES); do
		if [[ -f "$DIR/instance-$n/pid" ]]; then
			stop_pid "instance $n" "$(cat "$DIR/instance-$n/pid")"
			rm -f "$DIR/instance-$n/pid"
		fi
	done
	if [[ -d "$DIR/solr" ]]; then
		scripts/solr-test-cluster.sh stop --dir "$DIR/solr"
	fi
	PG_DIR=$DIR/postgres
	pg_stop
	rm -f "$DIR/endpoints.json"
}

command=${1:-}
[[ $# -gt 0 ]] && shift
case "$command" in
start) start "$@" ;;
stop) stop ;;
solr-node)
	[[ $# -eq 2 && ( "$1" == stop || "$1" == start ) ]] || { usage >&2; exit 2; }
	scripts/solr-test-cluster.sh "node-$1" "$2" --dir "$DIR/solr"
	;;
-h | --help) usage ;;
*) usage >&2; exit 2 ;;
esac
