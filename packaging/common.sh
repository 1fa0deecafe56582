# Shared settings of the packaging scripts (sourced, not run).
# Every path below is absolute; the scripts work from any current directory.

PKG_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$PKG_DIR/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[[ -x "$JAVA_HOME/bin/java" ]] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
JDK_BIN="$JAVA_HOME/bin"

APP_NAME=omnigraph-console              # launcher, package and install folder name (Linux)
APP_TITLE="OmniGraph Console"           # what people see (menus, dialogs, Windows/macOS bundle)
APP_VENDOR="OmniGraph"
APP_DESCRIPTION="Desktop administration console for OmniGraph clusters"
MAIN_CLASS=dev.omnigraph.console.Launcher
APP_VERSION="$(grep -m1 -oE '<version>[^<]+</version>' "$REPO_DIR/pom.xml" | sed -E 's#</?version>##g')"

OUT="$REPO_DIR/target/packaging"        # everything the scripts build (mvn clean removes it)
INPUT="$OUT/input"                      # staged jars: the jpackage input
RUNTIME="$OUT/runtime"                  # the jlink runtime
IMAGE_PARENT="$OUT/image"
IMAGE="$IMAGE_PARENT/$APP_NAME"         # the Linux application image
LAUNCHER="$IMAGE/bin/$APP_NAME"
APP_DIR="$IMAGE/lib/app"                # jpackage's $APPDIR
CFG="$APP_DIR/$APP_NAME.cfg"
CDS_ARCHIVE_NAME="$APP_NAME.jsa"        # dynamic AppCDS archive, next to the jars ($APPDIR)
AOT_CACHE_NAME="$APP_NAME.aot"          # JDK 25 AOT cache (CDS with linked classes and profiles), same place
DIST="$OUT/dist"                        # installers (.deb)

# Options of the launcher's JVM, shared by every platform (jpackage --java-options).
#  - native access for JavaFX's glass/prism libraries;
#  - JVM log output (CDS notes and warnings) goes to stderr and CDS stays quiet: stdout belongs to
#    the CLI's results, and an unusable archive must only cost speed, never print anything;
#  - the serial collector: the console's heap stays small (112 MiB peak for a 2 GiB migration), and
#    on the whole CLI command it measured about half G1's peak RSS on large objects (250 vs 450-690
#    MiB) with equal or up to 12 % less client CPU (no concurrent GC threads, no heap grown for
#    throughput; docs/benchmarks.md, December 8); its young pauses on such a heap are milliseconds.
#    MetaspaceSize=128m: class metadata (about 6,500 classes for a migration) must not trigger a
#    full collection of its own (seen without a usable AOT cache).
COMMON_JAVA_OPTIONS=(
  "--enable-native-access=ALL-UNNAMED"
  "-XX:+UseSerialGC" "-XX:MetaspaceSize=128m"
  "-Xlog:disable" "-Xlog:all=warning:stderr" "-Xlog:cds*=off:stderr" "-Xlog:aot*=off:stderr"
)

# JDK modules that jdeps cannot see (loaded by name or through services at run time).
EXTRA_MODULES=(jdk.charsets jdk.net jdk.crypto.ec)

log()  { printf '%s %s\n' "[$(date +%H:%M:%S)]" "$*"; }
die()  { printf '%s: ERROR: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }
now_ms() { local t; t="$(date +%s%3N)"; [[ "$t" =~ ^[0-9]+$ ]] && echo "$t" || echo $(( $(date +%s) * 1000 )); }

# apt-get install for the packages named, when apt-get exists and we are root (or have sudo).
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then command -v sudo >/dev/null 2>&1 || return 1; sudo=(sudo -n); fi
  log "installing $* (apt-get)"
  "${sudo[@]}" apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Runs "$@" with an X display: the current one, else a private Xvfb (installing xvfb and GTK 3
# when missing). Returns 3 when no display can be had.
with_display() {
  if [[ -n "${DISPLAY:-}" ]] && command -v xdpyinfo >/dev/null 2>&1 && xdpyinfo >/dev/null 2>&1; then
    "$@"; return
  fi
  if ! command -v xvfb-run >/dev/null 2>&1 || ! ldconfig -p 2>/dev/null | grep -q 'libgtk-3.so.0'; then
    apt_install xvfb xauth libgtk-3-0 x11-utils || return 3
  fi
  command -v xvfb-run >/dev/null 2>&1 || return 3
  xvfb-run -a -s "-screen 0 1440x900x24 -nolisten tcp" "$@"
}

# ---------------------------------------------------------------- steps shared by Linux and macOS

# Builds target/omnigraph-console.jar and target/lib/ (unless SKIP_MAVEN=1).
maven_package() {
  if [[ "${SKIP_MAVEN:-0}" == 1 ]]; then
    [[ -f "$REPO_DIR/target/omnigraph-console.jar" && -d "$REPO_DIR/target/lib" ]] \
      || die "--skip-maven given but target/omnigraph-console.jar or target/lib is missing"
    log "maven: skipped (using target/omnigraph-console.jar and target/lib)"
    return
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found (Maven 3.8+ is needed to build the jar)"
  log "maven: package (tests skipped; they run in CI's 'mvn test')"
  (cd "$REPO_DIR" && mvn -B -q ${MAVEN_OFFLINE:+-o} -DskipTests package) || die "mvn package failed"
}

# Stages the jpackage input: the jar (with Implementation-Version in its manifest, so
# 'omnigraph-console --version' names the release), its dependencies under lib/ (the manifest's
# Class-Path), and JavaFX's native libraries next to the JavaFX jars, where JavaFX looks first:
# nothing is extracted to ~/.openjfx at run time. $1 = native library suffix (so, dylib, dll).
stage_input() {
  local native_ext="$1"
  rm -rf "$INPUT" && mkdir -p "$INPUT/lib"
  cp -p "$REPO_DIR/target/omnigraph-console.jar" "$INPUT/"
  cp -p "$REPO_DIR"/target/lib/*.jar "$INPUT/lib/"
  local mf="$OUT/manifest-extra.mf"
  printf 'Implementation-Title: %s\nImplementation-Version: %s\nImplementation-Vendor: %s\n' \
    "$APP_TITLE" "$APP_VERSION" "$APP_VENDOR" > "$mf"
  "$JDK_BIN/jar" --update --file "$INPUT/omnigraph-console.jar" --manifest "$mf" 2>/dev/null \
    || die "could not add the version to the jar manifest"
  local tmp="$OUT/natives" jar count=0
  rm -rf "$tmp" && mkdir -p "$tmp"
  for jar in "$INPUT"/lib/javafx-*-*.jar; do
    [[ -e "$jar" ]] || continue
    (cd "$tmp" && "$JDK_BIN/jar" xf "$jar")
  done
  while IFS= read -r -d '' lib; do
    cp -p "$lib" "$INPUT/lib/"; count=$((count + 1))
  done < <(find "$tmp" -maxdepth 1 -name "*.${native_ext}" -print0)
  rm -rf "$tmp"
  ((count > 0)) || die "no JavaFX native libraries (*.${native_ext}) found in the JavaFX jars of target/lib"
  log "staged $(ls "$INPUT/lib" | grep -c '\.jar$') jars and $count JavaFX native libraries in $INPUT"
}

# The JDK modules the application needs: jdeps over the jar and its class path, plus EXTRA_MODULES.
runtime_modules() {
  local found
  found="$("$JDK_BIN/jdeps" --ignore-missing-deps --print-module-deps --multi-release "$("$JDK_BIN/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')" \
      --recursive --class-path "$INPUT/lib/*" "$INPUT/omnigraph-console.jar")" || die "jdeps failed"
  local available mods=() m
  available="$("$JDK_BIN/java" --list-modules | sed 's/@.*//')"
  for m in ${found//,/ } "${EXTRA_MODULES[@]}"; do
    grep -qx "$m" <<<"$available" && mods+=("$m")
  done
  (IFS=,; echo "${mods[*]}")
}

# jlink: only the modules found above; debug info, headers and man pages stripped; the JDK's own
# CDS archive regenerated for this runtime (--generate-cds-archive), uncompressed (faster start).
link_runtime() {
  local modules; modules="$(runtime_modules)"
  log "jlink: $modules"
  rm -rf "$RUNTIME"
  "$JDK_BIN/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --generate-cds-archive --output "$RUNTIME" || die "jlink failed"
  log "runtime: $(du -sh "$RUNTIME" | cut -f1) in $RUNTIME"
}

# Adds one java-options line to the launcher configuration ($1 = cfg file, $2 = option).
cfg_add_java_option() {
  grep -q '^\[JavaOptions\]' "$1" || printf '\n[JavaOptions]\n' >> "$1"
  awk -v opt="java-options=$2" '{ print } /^\[JavaOptions\]$/ { print opt }' "$1" > "$1.tmp" && mv "$1.tmp" "$1"
}

# Records a start-up cache for an application image by one training start of its window (which
# exits after its first frame) and names it in the launcher configuration. With TRAINING_COMMANDS
# (a file, see cli-training.sh) the same process first runs those commands: one cache for both.
#   record_startup_cache KIND LAUNCHER CFG LOG [PREFIX...]
#   KIND    aot     JDK 25 AOT cache: -XX:AOTCacheOutput at training, -XX:AOTCache at run time
#                   (classes loaded and linked ahead of time plus method profiles; JEP 483/514/515)
#           appcds  dynamic AppCDS archive: -XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile
#   PREFIX  what runs the launcher, e.g. "with_display timeout 300" on Linux
# Returns non-zero (and leaves the configuration alone) when the training start failed.
record_startup_cache() {
  local kind="$1" launcher="$2" cfg="$3" logfile="$4"; shift 4
  local app_dir file record option train_home rc
  app_dir="$(dirname "$cfg")"
  case "$kind" in
    aot)    file="$app_dir/$AOT_CACHE_NAME"; record="-XX:AOTCacheOutput=$file"
            option='-XX:AOTCache=$APPDIR/'"$AOT_CACHE_NAME" ;;
    appcds) file="$app_dir/$CDS_ARCHIVE_NAME"; record="-XX:ArchiveClassesAtExit=$file"
            option='-XX:SharedArchiveFile=$APPDIR/'"$CDS_ARCHIVE_NAME" ;;
    *) echo "unknown start-up cache kind '$kind'" >&2; return 2 ;;
  esac
  rm -f "$file"
  train_home="$(mktemp -d)"
  local commands=""   # TRAINING_COMMANDS (cli-training.sh): commands the training process runs before the window
  [[ -n "${TRAINING_COMMANDS:-}" ]] && commands="-Domnigraph.console.trainingCommands=$TRAINING_COMMANDS"
  JAVA_TOOL_OPTIONS="$record -Domnigraph.console.home=$train_home -Domnigraph.console.exitAfterFirstFrame=true $commands" \
    "$@" "$launcher" > "$logfile" 2>&1
  rc=$?
  rm -rf "$train_home" "$app_dir"/*.aot.config
  if [[ $rc -eq 0 && -s "$file" ]]; then
    cfg_add_java_option "$cfg" "$option"
    return 0
  fi
  rm -f "$file"
  return 1
}
