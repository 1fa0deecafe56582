#!/usr/bin/env bash
# Whole `migrate-storage --writers-stopped --yes` (a cold JVM per run, as a user runs it) against
# `rclone copy` + `rclone check` on the console's own loopback S3 endpoint (`local-s3`):
#
#   packaging/bench/e2e-vs-rclone.sh [--skip-build] [--offline] [OPTIONS]
#
#   --skip-build          reuse target/omnigraph-console.jar (otherwise: mvn -DskipTests package)
#   --offline             run Maven offline
#   --rounds N            rounds, each variant once per round in a rotating order (5)
#   --cases LIST          small, large, s3s3, latency (all four)
#                           small    2,000 x 16 KiB objects, folder -> s3
#                           large    10 x 64 MiB objects, folder -> s3
#                           s3s3     the small set, s3 -> s3 on the same endpoint
#                           latency  the small set, folder -> s3 through a TCP proxy of this script
#                                    that adds --latency-ms (10) each way, on 127.0.0.1
#   --concurrency N       the console's --concurrency and rclone's --transfers (16); rclone also
#                         runs with its defaults (4 transfers, 8 checkers)
#   --status-objects N    also time `status` of a root with N objects against `rclone lsf -R`
#                         (0: skipped; 100000 is the issue's case and takes many minutes)
#   --work DIR            data, the server's objects and every command's output (target/bench-e2e)
#   --keep-data           keep the server's objects of an earlier run
#   --java-options "..."  extra JVM options for the console's commands
#   --aot                 one more variant: the console with JDK 25's AOT cache (-XX:AOTCache), recorded
#                         first by one training run of migrate-storage (-XX:AOTCacheOutput)
#   --jar PATH            the console jar under test (default target/omnigraph-console.jar)
#   --compare-jar PATH    another build's jar (its lib/ beside it) as one more variant, e.g. a copy of
#                         the jar and lib/ of the commit before a change: before/after in one run
#   --compare-name NAME   that variant's name in the table (before)
#   --compare-java-options "..."  JVM options for that jar's commands
#   --variant NAME=OPTS   one more variant: the jar under test with these JVM options, e.g.
#                         --variant 'serial=-XX:+UseSerialGC' ({aot} stands for the --aot cache); repeatable
#   --launcher [NAME=]PATH  a packaged launcher (target/packaging/image/omnigraph-console/bin/omnigraph-console
#                         from packaging/build.sh, with its own JVM options and AOT cache) as one more
#                         variant; repeatable (e.g. an image of the commit before a change)
#
# Needs JDK 25 (JAVA_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64), python3 and Debian's
# rclone (apt-get install -y rclone). AWS_CA_BUNDLE and every other AWS_/RCLONE_ variable of the
# caller are dropped for the commands (Debian's rclone 1.60 refuses to start with AWS_CA_BUNDLE).
# Prints each run, then the table of medians: wall, its ratio to rclone at the same concurrency and
# to rclone's defaults, client CPU (and its ratio), peak RSS. Asserts nothing.
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
BUILD=1 MVN_FLAGS=(-B -q -DskipTests)
ARGS=()
while (($#)); do
  case "$1" in
    --skip-build) BUILD=0 ;;
    --offline) MVN_FLAGS+=(-o) ;;
    -h|--help) sed -n '2,/^set -E/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) ARGS+=("$1") ;;
  esac
  shift
done
if ((BUILD)); then
  echo "building target/omnigraph-console.jar (mvn ${MVN_FLAGS[*]} package)" >&2
  mvn "${MVN_FLAGS[@]}" package >/dev/null
fi
[[ -f target/omnigraph-console.jar ]] || { echo "target/omnigraph-console.jar is missing" >&2; exit 2; }
exec python3 packaging/bench/e2e_vs_rclone.py "${ARGS[@]}"
