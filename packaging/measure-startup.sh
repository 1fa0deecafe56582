#!/usr/bin/env bash
# Measures the start-up of the packaged window ("first paint") with and without the AppCDS archive:
#
#   packaging/measure-startup.sh [--runs N] [--launcher PATH] [--no-other]
#
# First paint = from the start of the launcher process to the first rendered frame of the first
# window, as JavaFX reports it (the scene's rendered-frame callback: Prism has drawn and presented
# the frame), under Xvfb with the real Glass/GTK pipeline (es2 when the GPU qualifies, else sw,
# as a user without a GPU gets it). The application logs it as
#   "Startup: first frame rendered N ms after process start (JVM start +a, main +b, window shown +c …)"
# with the process start read from /proc (10 ms resolution). This script also measures it from
# outside: from just before it starts the launcher to the frame's time stamp in that line.
# Each run uses a fresh per-user folder and exits right after the first frame
# (-Domnigraph.console.exitAfterFirstFrame=true). Variants alternate run by run (A B C A B C …) so
# that background load hits them alike; one warm-up run of each is not counted.
#   A  the image as built (by default with the AOT cache; see build.sh --startup-cache)
#   B  a copy without any start-up cache (the runtime's own JDK CDS archive stays)
#   C  a copy with the other kind of cache (a dynamic AppCDS archive when A has the AOT cache, and
#      the reverse), recorded here by one training start (--no-other skips it)
# Prints every run, then min / median / max per variant for the wall-clock first paint and for the
# process's CPU time up to the frame (which other load on the machine changes much less), and the
# load average. It prints figures only; it asserts nothing about them.
set -Euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RUNS=5 LAUNCHER_UNDER_TEST="$LAUNCHER" WITH_OTHER=1
while (($#)); do
  case "$1" in
    --runs) RUNS="$2"; shift ;;
    --no-other) WITH_OTHER=0 ;;
    --launcher) LAUNCHER_UNDER_TEST="$2"; shift ;;
    -h|--help) sed -n '2,/^set -E/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
  shift
done
if [[ ! -x "$LAUNCHER_UNDER_TEST" && "$LAUNCHER_UNDER_TEST" == "$LAUNCHER" ]]; then
  log "building the application image (packaging/build.sh --no-deb)"
  "$PKG_DIR/build.sh" --no-deb || die "the build failed"
fi
[[ -x "$LAUNCHER_UNDER_TEST" ]] || die "no launcher at $LAUNCHER_UNDER_TEST"
image_a="$(cd "$(dirname "$LAUNCHER_UNDER_TEST")/.." && pwd)"
cfg_a="$(ls "$image_a"/lib/app/*.cfg | head -1)"
if grep -q 'AOTCache=' "$cfg_a"; then built=aot label_a="AOT cache" other=appcds label_c="AppCDS"
elif grep -q 'SharedArchiveFile=' "$cfg_a"; then built=appcds label_a="AppCDS" other=aot label_c="AOT cache"
else built=none label_a="as built" other=aot label_c="AOT cache"; log "note: $cfg_a names no start-up cache: A and B are alike"
fi
label_b="no cache"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
copy_without_cache() {  # copy_without_cache DIR → prints the launcher of a copy of the image without a start-up cache
  local image="$1/$(basename "$image_a")"
  mkdir -p "$1" && cp -a "$image_a" "$image"
  rm -f "$image"/lib/app/*.jsa "$image"/lib/app/*.aot
  sed -i -e '/SharedArchiveFile=/d' -e '/AOTCache=/d' "$(ls "$image"/lib/app/*.cfg | head -1)"
  echo "$image/bin/$(basename "$LAUNCHER_UNDER_TEST")"
}
launcher_b="$(copy_without_cache "$WORK/no-cache")"
launcher_c=""
if ((WITH_OTHER)); then
  launcher_c="$(copy_without_cache "$WORK/other")"
  log "recording a start-up cache of the other kind ($other) for variant C"
  if ! record_startup_cache "$other" "$launcher_c" "$(ls "$(dirname "$launcher_c")"/../lib/app/*.cfg | head -1)" \
      "$WORK/other-training.log" with_display timeout 300; then
    log "training failed; variant C skipped"; tail -5 "$WORK/other-training.log"; launcher_c=""
  fi
fi

cat > "$WORK/runs.sh" <<'INNER'
set -uo pipefail
runs="$1" a="$2" b="$3" work="$4" c="${5:-}"
one() {  # one LABEL LAUNCHER N
  local home="$work/home-$1-$3"
  local t0; t0=$(date +%s%3N)
  JAVA_TOOL_OPTIONS="-Domnigraph.console.home=$home -Domnigraph.console.exitAfterFirstFrame=true" \
    timeout 120 "$2" > "$work/out-$1-$3.txt" 2>&1
  local line; line="$(grep -h 'Startup: first frame rendered' "$home"/logs/*.log 2>/dev/null | head -1)"
  if [[ -z "$line" ]]; then echo "$1 $3 FAILED"; tail -5 "$work/out-$1-$3.txt"; return; fi
  local inproc frame_at
  inproc="$(sed -E 's/.*first frame rendered ([0-9]+) ms.*/\1/' <<<"$line")"
  frame_at="$(sed -E 's/.*first frame at epoch ms ([0-9]+).*/\1/' <<<"$line")"
  local cpu; cpu="$(sed -nE 's/.*, CPU ([0-9]+) ms;.*/\1/p' <<<"$line")"
  echo "$1 $3 $inproc $(( frame_at - t0 )) ${cpu:-0} $(sed -E 's/.*\((JVM start[^;]*), CPU[^;]*;.*/\1/' <<<"$line")"
  rm -rf "$home"
}
one A "$a" 0 > /dev/null; one B "$b" 0 > /dev/null     # warm-up: file cache, fontconfig
if [[ -n "$c" ]]; then one C "$c" 0 > /dev/null; fi
for i in $(seq 1 "$runs"); do
  one A "$a" "$i"; one B "$b" "$i"
  if [[ -n "$c" ]]; then one C "$c" "$i"; fi
done
exit 0
INNER

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
log "measuring $RUNS runs per variant under Xvfb; load average before: $load_before on $(nproc) cores"
with_display bash "$WORK/runs.sh" "$RUNS" "$LAUNCHER_UNDER_TEST" "$launcher_b" "$WORK" "$launcher_c" > "$WORK/results.txt" \
  || die "could not run under an X display (Xvfb)"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

echo
printf '%-11s %4s %12s %12s %9s   %s\n' variant run "in-process" "from outside" "CPU" "breakdown (ms after process start)"
while read -r variant run inproc outside cpu rest; do
  case "$variant" in A) name="$label_a" ;; B) name="$label_b" ;; *) name="$label_c" ;; esac
  if [[ "$inproc" == FAILED ]]; then printf '%-11s %4s  FAILED\n' "$name" "$run"; continue; fi
  printf '%-11s %4s %9s ms %9s ms %6s ms   %s\n' "$name" "$run" "$inproc" "$outside" "$cpu" "$rest"
done < <(grep -E '^[ABC] [0-9]+ ' "$WORK/results.txt")
grep -v -E '^[ABC] [0-9]+ [0-9]' "$WORK/results.txt" | sed 's/^/  | /' || true

summary() {  # summary LETTER NAME COLUMN
  local values; values="$(awk -v v="$1" -v c="$3" '$1==v && $3 ~ /^[0-9]+$/ {print $c}' "$WORK/results.txt" | sort -n)"
  local n; n="$(grep -c . <<<"$values" || true)"
  if [[ -z "$values" || "$n" -eq 0 ]]; then echo "  $2: no successful run"; return; fi
  local min max med
  min="$(head -1 <<<"$values")"; max="$(tail -1 <<<"$values")"; med="$(sed -n "$(( (n + 1) / 2 ))p" <<<"$values")"
  printf '  %-10s median %5d ms, min %5d ms, max %5d ms over %d runs (%s)\n' "$2" "$med" "$min" "$max" "$n" "$4"
}
echo
echo "Summary (target: first paint under 1500 ms):"
for col in 3 4 5; do
  case $col in 3) what="first paint, in-process, from process start" ;; 4) what="first paint, from outside, launch to frame" ;;
               5) what="CPU time of the process up to the frame" ;; esac
  summary A "$label_a" $col "$what"
  summary B "$label_b" $col "$what"
  if [[ -n "$launcher_c" ]]; then summary C "$label_c" $col "$what"; fi
done
echo "  load average (1, 5, 15 min): before $load_before, after $load_after; $(nproc) cores"
