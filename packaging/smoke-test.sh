#!/usr/bin/env bash
# Smoke test of the packaged application (CI can run it; it is not part of 'mvn test'):
#
#   packaging/smoke-test.sh [--launcher PATH] [--build]
#
# With the packaged launcher (default: the image from packaging/build.sh, built with --no-deb if
# missing or with --build; --launcher /opt/omnigraph-console/bin/omnigraph-console tests the
# installed .deb), in a private per-user folder (-Domnigraph.console.home, nothing of the real
# ~/.omnigraph-console is touched):
#   CLI   --version names the release; 'demo create' writes a demo cluster; 'status' reads it;
#         a missing config folder fails with a one-line message and a malformed ledger is reported
#         as a finding (exit 1, no stack trace, file untouched);
#         the command wrote its log file.
#   GUI   under Xvfb (xvfb, xauth, libgtk-3-0 and x11-utils are installed with apt-get if absent):
#         the window starts on the demo cluster ('--root'), renders its first frame (log line),
#         an X window titled "OmniGraph Console" exists, the window opens the cluster (the log
#         line 'Cluster opened:' from AppRuntime.clusterOpened, or the ledger file opened, seen by
#         inotify), no crash report or SEVERE log line; then it is stopped with SIGTERM.
# A screenshot is left in target/packaging/smoke/window.png. Prints each step's time and ends with
# 'smoke test: N passed, N failed'; exit status 0 only when everything passed.
set -Euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

LAUNCHER_UNDER_TEST="$LAUNCHER" FORCE_BUILD=0
while (($#)); do
  case "$1" in
    --launcher) LAUNCHER_UNDER_TEST="$2"; shift ;;
    --build) FORCE_BUILD=1 ;;
    -h|--help) sed -n '2,/^set -E/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
  shift
done

T_START=$(now_ms)
if ((FORCE_BUILD)) || [[ ! -x "$LAUNCHER_UNDER_TEST" && "$LAUNCHER_UNDER_TEST" == "$LAUNCHER" ]]; then
  log "building the application image (packaging/build.sh --no-deb)"
  "$PKG_DIR/build.sh" --no-deb || die "the build failed"
fi
[[ -x "$LAUNCHER_UNDER_TEST" ]] || die "no launcher at $LAUNCHER_UNDER_TEST"

WORK="$(mktemp -d)"
SMOKE_OUT="$OUT/smoke"
mkdir -p "$SMOKE_OUT"
APPHOME="$WORK/home"
DEMO="$WORK/demo"
export JAVA_TOOL_OPTIONS="-Domnigraph.console.home=$APPHOME"
PASSED=0 FAILED=0
cleanup() { [[ -n "${GUI_PID:-}" ]] && kill "$GUI_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

step() {  # step NAME COMMAND... : runs a check, prints its time and verdict
  local name="$1"; shift
  local t0; t0=$(now_ms)
  if "$@" > "$WORK/step.out" 2>&1; then
    PASSED=$((PASSED + 1)); printf '  PASS  %-58s %6d ms\n' "$name" $(( $(now_ms) - t0 ))
  else
    FAILED=$((FAILED + 1)); printf '  FAIL  %-58s %6d ms\n' "$name" $(( $(now_ms) - t0 ))
    sed 's/^/        | /' "$WORK/step.out" | grep -v 'Picked up JAVA_TOOL_OPTIONS' | tail -25
  fi
}
run_cli() {  # run_cli EXPECTED_EXIT ARGS... : output in $WORK/cli.out / cli.err
  local expected="$1"; shift
  "$LAUNCHER_UNDER_TEST" "$@" > "$WORK/cli.out" 2> "$WORK/cli.err"
  local rc=$?
  grep -v 'Picked up JAVA_TOOL_OPTIONS' "$WORK/cli.err" > "$WORK/cli.err2" || true
  if [[ " $expected " != *" $rc "* ]]; then
    echo "exit status $rc, expected $expected"; cat "$WORK/cli.out" "$WORK/cli.err2"; return 1
  fi
}

# ---------------------------------------------------------------- CLI
cli_version() {
  run_cli 0 --version && grep -qx "omnigraph-console $APP_VERSION" "$WORK/cli.out" \
    || { echo "expected 'omnigraph-console $APP_VERSION', got:"; cat "$WORK/cli.out"; return 1; }
}
cli_demo_create() {
  run_cli 0 demo create --root "$DEMO" && grep -q "Wrote a demo cluster to" "$WORK/cli.out" \
    && [[ -f "$DEMO/__cluster/state.json" ]] || { cat "$WORK/cli.out"; return 1; }
}
cli_status() {
  # 0 = clean, 1 = findings (the showcase demo carries a recovery sidecar); both print the snapshot
  run_cli "0 1" status --root "$DEMO" && grep -q "^Ledger .*revision" "$WORK/cli.out" && grep -q "^Lock " "$WORK/cli.out" \
    || { cat "$WORK/cli.out"; return 1; }
  run_cli "0 1" status --root "$DEMO" --json && grep -q '"ledger"' "$WORK/cli.out" || { head -c 600 "$WORK/cli.out"; return 1; }
}
cli_refuses_missing_config() {
  run_cli 1 status --config "$WORK/no-such-config-folder" || return 1
  grep -q '^error: ' "$WORK/cli.err2" || { echo "no 'error:' line:"; cat "$WORK/cli.err2"; return 1; }
  if grep -qE '^\s+at |Exception in thread' "$WORK/cli.err2" "$WORK/cli.out"; then echo "stack trace shown:"; cat "$WORK/cli.err2"; return 1; fi
}
cli_bad_ledger_is_a_finding() {
  mkdir -p "$WORK/bad/__cluster" && printf '{"version": 1, oops' > "$WORK/bad/__cluster/state.json"
  run_cli 1 status --root "$WORK/bad" || return 1
  grep -q 'invalid_state_json' "$WORK/cli.out" || { echo "no invalid_state_json finding:"; cat "$WORK/cli.out"; return 1; }
  [[ "$(cat "$WORK/bad/__cluster/state.json")" == '{"version": 1, oops' ]] || { echo "the bad ledger was changed"; return 1; }
  if grep -qE '^\s+at |Exception in thread' "$WORK/cli.err2" "$WORK/cli.out"; then echo "stack trace shown"; return 1; fi
}
cli_logged() {
  local f="$APPHOME/logs/omnigraph-console-cli-0.log"
  [[ -s "$f" ]] && grep -q "starting (command line)" "$f" || { echo "no CLI log at $f"; ls -la "$APPHOME" "$APPHOME/logs" 2>&1; return 1; }
}

log "smoke test of $LAUNCHER_UNDER_TEST (version $APP_VERSION)"
step "CLI: --version names the release" cli_version
step "CLI: demo create writes a demo cluster" cli_demo_create
step "CLI: status reads the demo cluster (text and --json)" cli_status
step "CLI: a missing config folder: one-line error, exit 1" cli_refuses_missing_config
step "CLI: a malformed ledger is a finding (exit 1), left as it was" cli_bad_ledger_is_a_finding
step "CLI: the command wrote its per-user log" cli_logged

# ---------------------------------------------------------------- GUI (under Xvfb)
# The inner part runs inside the X session; it leaves its findings in $WORK/gui.* files.
cat > "$WORK/gui.sh" <<'INNER'
set -uo pipefail
launcher="$1" demo="$2" guilog="$3" work="$4" shot="$5"
if command -v inotifywait >/dev/null 2>&1; then
  inotifywait -m -q -e open --format '%w%f' "$demo/__cluster" > "$work/gui.opened" 2>/dev/null &
  echo $! > "$work/inotify.pid"; sleep 0.3
fi
t0=$(date +%s%3N)
"$launcher" --root "$demo" > "$work/gui.stdout" 2> "$work/gui.stderr" &
pid=$!; echo "$pid" > "$work/gui.pid"
frame=0 opened=0 window=0
now() { date +%s%3N; }
deadline=$(( t0 + 60000 ))           # first frame and window within 60 s
while (( $(now) < deadline )); do
  sleep 0.1
  kill -0 "$pid" 2>/dev/null || { echo "exited early" > "$work/gui.exited"; break; }
  ((frame)) || { grep -q 'Startup: first frame rendered' "$guilog" 2>/dev/null && frame=$(( $(now) - t0 )); }
  ((opened)) || { grep -q 'Cluster opened: ' "$guilog" 2>/dev/null && opened=$(( $(now) - t0 )); }
  ((opened)) || { grep -q 'state.json' "$work/gui.opened" 2>/dev/null && opened=$(( $(now) - t0 )); }
  ((window)) || { xwininfo -root -tree 2>/dev/null | grep -q '"OmniGraph Console' && window=$(( $(now) - t0 )); }
  if ((frame && window && opened)); then sleep 1; break; fi
  # once the window is up, the cluster gets 30 s more
  if ((frame && window && !opened && deadline > $(now) + 30000)); then deadline=$(( $(now) + 30000 )); fi
done
echo "$frame $window $opened" > "$work/gui.times"
if command -v import >/dev/null 2>&1; then import -window root "$shot" 2>/dev/null; fi
xwininfo -root -tree 2>/dev/null | grep '"OmniGraph Console' | head -1 > "$work/gui.xwin"
if kill -0 "$pid" 2>/dev/null; then
  kill -TERM "$pid"
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && { echo "did not stop on SIGTERM" > "$work/gui.stuck"; kill -KILL "$pid"; }
fi
[[ -f "$work/inotify.pid" ]] && kill "$(cat "$work/inotify.pid")" 2>/dev/null
exit 0
INNER

command -v inotifywait >/dev/null 2>&1 || apt_install inotify-tools >/dev/null 2>&1 || true
command -v import >/dev/null 2>&1 || apt_install imagemagick >/dev/null 2>&1 || true
GUI_LOG="$APPHOME/logs/omnigraph-console-0.log"
T_GUI=$(now_ms)
with_display bash "$WORK/gui.sh" "$LAUNCHER_UNDER_TEST" "$DEMO" "$GUI_LOG" "$WORK" "$SMOKE_OUT/window.png"
display_rc=$?
read -r FRAME_MS WINDOW_MS OPENED_MS < <(cat "$WORK/gui.times" 2>/dev/null || echo "0 0 0")
log "GUI run took $(( $(now_ms) - T_GUI )) ms (first frame after ${FRAME_MS} ms, X window after ${WINDOW_MS} ms, cluster opened after ${OPENED_MS} ms, wall clock from launch)"

gui_display() { ((display_rc == 0)) || { echo "no X display (Xvfb could not be started or installed), status $display_rc"; return 1; }; }
gui_first_frame() {
  ((FRAME_MS > 0)) || { echo "no 'Startup: first frame rendered' line in $GUI_LOG"; cat "$WORK/gui.stderr" 2>/dev/null | tail -20; return 1; }
  grep 'Startup: first frame rendered' "$GUI_LOG" | sed 's/^.*Startup/Startup/'
}
gui_window() { ((WINDOW_MS > 0)) || { echo "no X window titled 'OmniGraph Console'"; return 1; }; }
gui_cluster_opened() {
  ((OPENED_MS > 0)) && return 0
  echo "the window did not open the demo cluster (30 s after its first frame, 60 s at most): no 'Cluster opened:' log line"
  echo "(AppRuntime.clusterOpened) and no open of $DEMO/__cluster/state.json seen"
  return 1
}
gui_clean() {
  local bad=0
  [[ -e "$WORK/gui.exited" ]] && { echo "the window exited by itself"; bad=1; }
  [[ -e "$WORK/gui.stuck" ]] && { echo "the window did not stop on SIGTERM"; bad=1; }
  if [[ -d "$APPHOME/crash-reports" ]] && [[ -n "$(ls -A "$APPHOME/crash-reports")" ]]; then
    echo "crash reports were written:"; head -30 "$APPHOME"/crash-reports/*; bad=1
  fi
  if grep -q ' SEVERE ' "$GUI_LOG" 2>/dev/null; then echo "SEVERE lines in the log:"; grep ' SEVERE ' "$GUI_LOG"; bad=1; fi
  return $bad
}
step "GUI: an X display (Xvfb)" gui_display
step "GUI: the window rendered its first frame" gui_first_frame
step "GUI: an X window titled 'OmniGraph Console' exists" gui_window
step "GUI: the window opened the demo cluster" gui_cluster_opened
step "GUI: no crash report, no SEVERE log line, stops on SIGTERM" gui_clean
[[ -s "$SMOKE_OUT/window.png" ]] && log "screenshot: $SMOKE_OUT/window.png"
cp "$GUI_LOG" "$SMOKE_OUT/window.log" 2>/dev/null || true

log "smoke test took $(( ($(now_ms) - T_START) / 1000 )) s"
echo "smoke test: $PASSED passed, $FAILED failed"
((FAILED == 0))
