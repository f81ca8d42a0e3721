#!/usr/bin/env bash
# Podlens benchmark: ingest, search, SQL LIKE peer and scale figures, see docs/performance.md.
#
# usage: scripts/bench.sh [--quick] [--segments N] [--seconds S] [--semantic [--semantic-wait M]]
#                         [--backend solr [--solr-only]]
#   --quick       about 100k segments (10 minutes on 2 cores); the default is 1M
#   --segments N  corpus size in segments (rounded down to whole 100-segment episodes)
#   --seconds S   measuring window per search level (default 8 with --quick, else 20)
#   --semantic    then restart with embeddings on: catch-up rate, keyword/semantic/hybrid p50,
#                 heap and index size with vectors, jar size (waits at most M minutes, default 90)
#   --backend solr  then the same imports and searches on the Solr backend, side by side: starts a
#                 2-node test cluster (scripts/solr-test-cluster.sh, heap PODLENS_SOLR_HEAP, 1g)
#                 and stops it at the end; --solr-only skips the embedded phases (capacity runs);
#                 with --semantic the Solr phase measures semantic and hybrid search on Solr too
# Prints a table and writes podlens-service/target/bench/summary.json (BENCH_OUT: another directory;
# BENCH_SOLR_DIR: the test cluster's). Uses ../shared/corpus when present (set -Dpodlens.shared.dir
# through BENCH_JAVA_OPTS to point elsewhere).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
-h | --help)
	sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
	exit 0
	;;
esac

jar=$(ls podlens-service/target/podlens-*.jar 2>/dev/null | grep -v -- '-plain.jar' | head -n 1 || true)
if [[ -z "$jar" || -n "$(find podlens-*/src pom.xml podlens-*/pom.xml -newer "$jar" -print -quit)" ]]; then
	echo "[bench] building the service jar"
	./mvnw -q -DskipTests package
fi
echo "[bench] compiling the benchmark driver"
./mvnw -q -DskipTests test-compile dependency:build-classpath -pl podlens-service -am \
	-Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
root=$(pwd)
out=${BENCH_OUT:-$root/podlens-service/target/bench}
[[ "$out" == /* ]] || out="$root/$out"
solr_args=()
prev=""
for arg in "$@"; do
	if [[ "$prev" == --backend && "$arg" == solr ]]; then
		solr_dir=${BENCH_SOLR_DIR:-$root/target/bench-solr}
		# Stopped however the run ends; the cluster's log is kept beside the summary.
		stop_solr() {
			if [[ -f "$solr_dir/cluster.log" ]]; then
				mkdir -p "$out"
				cp "$solr_dir/cluster.log" "$out/solr-cluster.log" || true
			fi
			"$root/scripts/solr-test-cluster.sh" stop --dir "$solr_dir" || true
		}
		trap stop_solr EXIT
		trap 'exit 130' INT TERM
		echo "[bench] starting the Solr test cluster (2 nodes) in $solr_dir"
		PODLENS_SOLR_HEAP=${PODLENS_SOLR_HEAP:-1g} scripts/solr-test-cluster.sh start --nodes 2 --dir "$solr_dir"
		solr_args=(--solr-endpoints "$solr_dir/endpoints.json")
	fi
	prev=$arg
done
# The driver runs in the service module (its jar and target/ are there); the shared test
# material lies beside the checkout. Not exec'd: the trap above must stop the cluster.
cd podlens-service
java -Dpodlens.shared.dir="$(cd .. && pwd)/../shared" -Dbench.out="$out" ${BENCH_JAVA_OPTS:-} -Xmx2g \
	-cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
	io.podlens.bench.Bench "$@" ${solr_args[@]+"${solr_args[@]}"}
