#!/usr/bin/env bash
# Podlens load test on loopback: searchers and importers against the packaged jar for a
# bounded time, see docs/operations.md (Load).
#
# usage: scripts/load.sh [--minutes N] [--searchers N] [--importers N]
#   defaults: 5 minutes, 8 searchers, 2 importers
# Prints per minute: requests, errors, p50 and p99 latency, heap used and heap after a full
# GC; writes podlens-service/target/load/summary.json. Exits 1 when any request failed.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
-h | --help)
	sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
	exit 0
	;;
esac

jar=$(ls podlens-service/target/podlens-*.jar 2>/dev/null | grep -v -- '-plain.jar' | head -n 1 || true)
if [[ -z "$jar" || -n "$(find podlens-*/src pom.xml podlens-*/pom.xml -newer "$jar" -print -quit)" ]]; then
	echo "[load] building the service jar"
	./mvnw -q -DskipTests package
fi
echo "[load] compiling the load driver"
./mvnw -q -DskipTests test-compile dependency:build-classpath -pl podlens-service -am \
	-Dmdep.outputFile=target/load-classpath.txt -Dmdep.includeScope=test
# The driver runs in the service module (its jar and target/ are there); the shared test
# material lies beside the checkout.
cd podlens-service
exec java -Dpodlens.shared.dir="$(cd .. && pwd)/../shared" -Xmx512m \
	-cp "target/test-classes:target/classes:$(cat target/load-classpath.txt)" \
	io.podlens.load.LoadDriver "$@"
