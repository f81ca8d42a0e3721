#!/usr/bin/env bash
# Podlens relevance scorer: nDCG@10 and recall@20 of the judged query set, see docs/search.md#relevance.
#
# usage: scripts/relevance.sh [--modes keyword,semantic,hybrid] [--split all|tuning|holdout]
#                             [--progress /api/path]... [--wait-minutes N]
#   --modes         search modes to measure (default keyword,semantic,hybrid); a mode the service
#                   does not offer is reported as unavailable
#   --split         which queries to run (default all); tune on --split tuning only
#   --progress      another endpoint reporting background work to wait for (repeatable)
#   --wait-minutes  longest wait for background work after the imports (default 30)
# Builds the jar, starts it on a fresh data directory, imports the judged transcripts from
# ../shared, prints a table and writes podlens-service/target/relevance/summary.json and
# per-query.tsv (set -Dpodlens.shared.dir through RELEVANCE_JAVA_OPTS to read them elsewhere).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
-h | --help)
	sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
	exit 0
	;;
esac

jar=$(ls podlens-service/target/podlens-*.jar 2>/dev/null | grep -v -- '-plain.jar' | head -n 1 || true)
if [[ -z "$jar" || -n "$(find podlens-*/src pom.xml podlens-*/pom.xml -newer "$jar" -print -quit)" ]]; then
	echo "[relevance] building the service jar"
	./mvnw -q -DskipTests package
fi
echo "[relevance] compiling the scorer"
./mvnw -q -DskipTests test-compile dependency:build-classpath -pl podlens-service -am \
	-Dmdep.outputFile=target/relevance-classpath.txt -Dmdep.includeScope=test
# The scorer runs in the service module (its jar and target/ are there); the shared
# transcripts lie beside the checkout.
cd podlens-service
exec java -Dpodlens.shared.dir="$(cd .. && pwd)/../shared" ${RELEVANCE_JAVA_OPTS:-} -Xmx1g \
	-cp "target/test-classes:target/classes:$(cat target/relevance-classpath.txt)" \
	io.podlens.bench.Relevance "$@"
