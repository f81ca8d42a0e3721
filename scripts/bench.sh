#!/usr/bin/env bash
# Podlens benchmark: ingest, search, SQL LIKE peer and scale figures, see docs/performance.md.
#
# usage: scripts/bench.sh [--quick] [--segments N] [--seconds S] [--semantic [--semantic-wait M]]
#   --quick       about 100k segments (10 minutes on 2 cores); the default is 1M
#   --segments N  corpus size in segments (rounded down to whole 100-segment episodes)
#   --seconds S   measuring window per search level (default 8 with --quick, else 20)
#   --semantic    then restart with embeddings on: catch-up rate, keyword/semantic/hybrid p50,
#                 heap and index size with vectors, jar size (waits at most M minutes, default 90)
# Prints a table and writes podlens-service/target/bench/summary.json. Uses ../shared/corpus when present
# (set -Dpodlens.shared.dir through BENCH_JAVA_OPTS to point elsewhere).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
-h | --help)
	sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
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
# The driver runs in the service module (its jar and target/ are there); the shared test
# material lies beside the checkout.
cd podlens-service
exec java -Dpodlens.shared.dir="$(cd .. && pwd)/../shared" ${BENCH_JAVA_OPTS:-} -Xmx2g \
	-cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
	io.podlens.bench.Bench "$@"
