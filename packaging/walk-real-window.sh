#!/usr/bin/env bash
# Walks the real console window like an admin and writes screenshots (not part of 'mvn test'):
#
#   packaging/walk-real-window.sh [--launcher PATH | --jar PATH] [--out DIR] [--sizes "1440x900 1024x768"] [--themes "light dark"]
#
# For every screen size and theme: a private X server (Xvfb) with a window manager (openbox, so
# dialogs get real decorations and sizes), a private per-user folder (-Duser.home and
# -Domnigraph.console.home: nothing of the real home is touched) whose preferences.json sets the
# theme and a maximized window, then the window itself: the packaged launcher when it exists
# (packaging/build.sh), else java -jar target/omnigraph-console.jar (built with mvn package when
# missing). xdotool drives it with the keyboard as an admin would and ImageMagick's 'import' writes
# one PNG per stop into DIR (default target/walk/<size>-<theme>/NN-<stop>.png):
#   the demo clusters' pages (Ctrl+1…9, both tabs), Connect (empty, then a mistyped root),
#   Preferences, the local S3 endpoint window (started), the migration wizard, and Ctrl+Q with the
#   local endpoint running but empty (it quits at once: it asks only when data would be lost).
# Needs: Xvfb openbox xdotool imagemagick (installed with apt-get when missing and allowed).
# LOOK at every image afterwards: clipped buttons and text show here that headless snapshots hide.
set -Euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

OUT_DIR="$OUT/../walk" SIZES="1440x900 1024x768" THEMES="light dark" RUN=()
while (($#)); do
  case "$1" in
    --launcher) RUN=("$2"); shift ;;
    --jar) RUN=("$JDK_BIN/java" -jar "$2"); shift ;;
    --out) OUT_DIR="$2"; shift ;;
    --sizes) SIZES="$2"; shift ;;
    --themes) THEMES="$2"; shift ;;
    -h|--help) sed -n '2,/^set -E/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
  shift
done
OUT_DIR="$(mkdir -p "$OUT_DIR" && cd "$OUT_DIR" && pwd)"

for tool in Xvfb openbox xdotool import; do
  command -v "$tool" >/dev/null 2>&1 || apt_install xvfb openbox xdotool imagemagick libgtk-3-0 || die "$tool is missing"
done
if ((${#RUN[@]} == 0)); then
  if [[ -x "$LAUNCHER" ]]; then
    RUN=("$LAUNCHER")
  else
    [[ -f "$REPO_DIR/target/omnigraph-console.jar" && -d "$REPO_DIR/target/lib" ]] || maven_package
    RUN=("$JDK_BIN/java" -jar "$REPO_DIR/target/omnigraph-console.jar")
  fi
fi
log "window: ${RUN[*]}"

PIDS=()
stop_all() { local p; for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done; PIDS=(); }
trap stop_all EXIT
trap 'exit 130' INT TERM

STOP=0
screen_sum() { import -window root png:- 2>/dev/null | md5sum; }
shot() {  # shot NAME: waits until the screen changed since the last key (a busy machine paints late) and then stops changing
  sleep "${SETTLE:-1}"
  STOP=$((STOP + 1))
  local file="$SHOTS/$(printf '%02d' "$STOP")-$1.png" previous="" current i
  for ((i = 0; i < 15 && ${#BEFORE_KEY} > 0; i++)); do
    [[ "$(screen_sum)" != "$BEFORE_KEY" ]] && break
    sleep 1
  done
  for ((i = 0; i < 30; i++)); do
    import -window root "$file.tmp.png" 2>/dev/null || break
    current="$(md5sum < "$file.tmp.png")"
    [[ "$current" == "$previous" ]] && break
    previous="$current"; sleep 1
  done
  mv -f "$file.tmp.png" "$file" && log "  $(basename "$file")"
}
BEFORE_KEY=""
key() { BEFORE_KEY="$(screen_sum)"; xdotool key --clearmodifiers "$@"; sleep 0.4; }
click() { BEFORE_KEY="$(screen_sum)"; xdotool mousemove "$1" "$2" click 1; sleep 0.5; }
menu() {  # menu X N: opens the menu-bar menu at x=X (the bar is left-aligned, y=32) and chooses its Nth item
  click "$1" 32
  local i; for ((i = 0; i < $2; i++)); do xdotool key Down; sleep 0.2; done
  key Return
}
main_window() { xdotool search --sync --onlyvisible --name '^(.* — )?OmniGraph Console$' 2>/dev/null | head -1; }
focus_main() { local w; w="$(main_window)"; [[ -n "$w" ]] && xdotool windowactivate --sync "$w" 2>/dev/null; sleep 0.3; }
wait_log() {  # wait_log PATTERN COUNT SECONDS: the app's log has COUNT lines matching PATTERN
  local i; for ((i = 0; i < $3 * 2; i++)); do
    (( $(cat "$APPHOME"/logs/*.log 2>/dev/null | grep -c "$1") >= $2 )) && return 0; sleep 0.5
  done; return 1
}

walk() {  # walk WIDTH HEIGHT THEME
  local width="$1" height="$2" theme="$3"
  SHOTS="$OUT_DIR/${width}x${height}-$theme"; rm -rf "$SHOTS"; mkdir -p "$SHOTS"; STOP=0; BEFORE_KEY=""
  local work; work="$(mktemp -d)"
  APPHOME="$work/console-home"; mkdir -p "$APPHOME"
  printf '{"version":1,"saved_connections":[],"recent_roots":[],"theme":"%s","poll_seconds":5,"lock_stale_minutes":60,"window":{"width":%s,"height":%s,"maximized":true,"splits":{}}}\n' \
    "$theme" "$width" "$height" > "$APPHOME/preferences.json"
  log "walk ${width}x${height} $theme -> $SHOTS"
  # a display of our own: Xvfb picks a free number (-displayfd), so another walk on this machine is never driven by this one
  local fdfile="$work/display"
  Xvfb -displayfd 3 -screen 0 "${width}x${height}x24" -nolisten tcp 3>"$fdfile" >/dev/null 2>&1 & PIDS+=($!)
  local i=0; while [[ ! -s "$fdfile" ]] && ((i++ < 40)); do sleep 0.25; done
  [[ -s "$fdfile" ]] || die "Xvfb did not start"
  export DISPLAY=":$(tr -dc '0-9' < "$fdfile")"
  log "  display $DISPLAY"
  openbox >/dev/null 2>&1 & PIDS+=($!)
  sleep 1
  (cd "$work" && JAVA_TOOL_OPTIONS="-Duser.home=$work -Domnigraph.console.home=$APPHOME" exec "${RUN[@]}" \
      > "$SHOTS/console.out" 2>&1) & PIDS+=($!)
  wait_log "Cluster opened: " 2 120 || log "  (the demo clusters did not both open within 120 s)"
  focus_main
  # the tab opened last is selected; pages by their View-menu accelerators (Overview is Ctrl+1)
  shot "tab2-page-1"
  local n; for n in 2 3 4 5 6 7 8 9; do key "ctrl+$n"; shot "tab2-page-$n"; done
  key ctrl+1
  key ctrl+shift+Tab; shot "tab1-page-1"
  for n in 2 4 5 7 8 9; do key "ctrl+$n"; shot "tab1-page-$n"; done
  key ctrl+1
  key ctrl+n; shot "connect"
  BEFORE_KEY="$(screen_sum)"; xdotool type --delay 20 '/usr/share'; key Return; shot "connect-not-a-cluster"
  key ctrl+a
  BEFORE_KEY="$(screen_sum)"; xdotool type --delay 20 's3//my bucket::?prefix'; key Return; shot "connect-mistyped-root"
  key ctrl+comma; shot "preferences"; key Escape
  focus_main
  # back to the first cluster tab (a text field keeps Ctrl+Tab), then the menus with the mouse and the arrow keys
  click 150 65; key ctrl+1
  menu 194 1; shot "local-s3-stopped"
  key alt+s; SETTLE=3 shot "local-s3-running"; key Escape
  focus_main
  menu 135 3; shot "force-unlock"; key Escape
  focus_main
  menu 135 5; shot "catalog-gc"; key Escape
  focus_main
  menu 135 4; shot "wizard-destination"
  key alt+l; key alt+c; SETTLE=3 shot "wizard-destination-checked"
  key Escape; focus_main
  # Ctrl+Q: with the local endpoint empty the console quits at once (it asks only when data would be lost)
  key ctrl+q; shot "after-ctrl-q"
  stop_all
  cp "$APPHOME"/logs/*.log "$SHOTS/" 2>/dev/null || true
  if grep -h 'SEVERE' "$SHOTS"/*.log 2>/dev/null | head -5 | grep -q .; then log "  SEVERE lines in the log: see $SHOTS"; fi
  rm -rf "$work"
}

for size in $SIZES; do
  for theme in $THEMES; do
    walk "${size%x*}" "${size#*x}" "$theme"
  done
done
log "screenshots in $OUT_DIR: look at every one of them"
