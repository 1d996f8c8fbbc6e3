# Finds a JDK 21 or newer for Azimuth's scripts; source this file, then call find_jdk.
# Order: $JAVA_HOME if it is new enough, else the newest JDK 21+ under /usr/lib/jvm.

java_feature_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

find_jdk() {
  local v
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    v=$(java_feature_version "$JAVA_HOME")
    if [[ "$v" =~ ^[0-9]+$ ]] && [ "$v" -ge 21 ]; then
      echo "$JAVA_HOME"
      return 0
    fi
  fi
  local best="" best_version=0 dir
  for dir in /usr/lib/jvm/*; do
    [ -x "$dir/bin/java" ] || continue
    v=$(java_feature_version "$dir")
    if [[ "$v" =~ ^[0-9]+$ ]] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_version" ]; then
      best=$dir
      best_version=$v
    fi
  done
  if [ -n "$best" ]; then
    echo "$best"
    return 0
  fi
  echo "error: Azimuth needs a JDK 21 or newer. None was found in JAVA_HOME" \
    "(${JAVA_HOME:-unset}) or under /usr/lib/jvm; install one and set JAVA_HOME." >&2
  return 1
}

# JVM flags Azimuth runs with (the Vector API, native access for RocksDB and JVector).
azimuth_jvm_flags() {
  local v
  v=$(java_feature_version "$1")
  echo "--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED" \
    "-Djvector.vectorization_provider=panama"
  if [ "$v" -ge 24 ]; then
    echo "--sun-misc-unsafe-memory-access=allow"
  fi
}
