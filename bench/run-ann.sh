#!/usr/bin/env bash
# Runs the ANN benchmark harness (dev.azimuth.bench.ann.AnnBench) from the already built
# bench/target/azimuth-bench.jar; it builds nothing. Arguments pass through, e.g.
#   bench/run-ann.sh raw --set wordnet
#   bench/run-ann.sh sql --set fashion --index none --queries 200
# Heap: ANN_HEAP (default 8g, used for -Xms and -Xmx). Extra JVM flags: ANN_JAVA_OPTS.
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
# shellcheck source=../bin/find-java.sh
. "$root/bin/find-java.sh"
java_home="$(find_jdk)" || exit 1
jar="$bench/target/azimuth-bench.jar"
if [ ! -f "$jar" ]; then
  echo "error: $jar not found; build it first:" >&2
  echo "  JAVA_HOME=$java_home ./mvnw -q -o -pl bench -am install -DskipTests" >&2
  exit 1
fi
heap="${ANN_HEAP:-8g}"
# shellcheck disable=SC2046,SC2086
exec "$java_home/bin/java" -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC \
  $(azimuth_jvm_flags "$java_home") ${ANN_JAVA_OPTS:-} \
  -cp "$jar" dev.azimuth.bench.ann.AnnBench "$@"
