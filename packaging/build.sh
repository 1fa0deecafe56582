#!/usr/bin/env bash
# Builds the Linux desktop application of OmniGraph Console, in one command:
#
#   packaging/build.sh [--offline] [--skip-maven] [--startup-cache aot|appcds|none] [--no-deb]
#
#   1. mvn -DskipTests package        → target/omnigraph-console.jar + target/lib/
#   2. stage the jpackage input       → target/packaging/input/ (version in the manifest, JavaFX
#                                       native libraries next to the JavaFX jars)
#   3. jlink runtime                  → target/packaging/runtime/ (modules found by jdeps; stripped:
#                                       --strip-debug --no-header-files --no-man-pages; JDK CDS archive)
#   4. jpackage application image     → target/packaging/image/omnigraph-console/
#                                       (bin/omnigraph-console: the window, or the CLI with a command)
#   5. start-up cache                 → lib/app/omnigraph-console.aot: JDK 25's AOT cache (a CDS archive
#                                       with classes loaded and linked ahead of time and method
#                                       profiles), recorded by one training process that first runs
#                                       representative commands (status, migrate-storage to a loopback
#                                       S3 endpoint, catalog verify: packaging/cli-training.sh), then
#                                       starts the window under Xvfb (exits after its first frame), and
#                                       named in the launcher's java-options: window and commands both
#                                       use it (without a display, the commands alone are trained).
#                                       A missing or stale cache only costs speed: the JVM starts. --startup-cache appcds records a dynamic AppCDS
#                                       archive (omnigraph-console.jsa) instead; none skips the step.
#   6. .deb                           → target/packaging/dist/omnigraph-console_<version>_amd64.deb
#                                       (installs to /opt/omnigraph-console, a desktop entry, the icon
#                                       and /usr/bin/omnigraph-console). Needs dpkg-deb and fakeroot:
#                                       installed with apt-get (fakeroot, dpkg-dev) when missing.
#                                       Compressed with gzip; DEB_COMPRESSOR=xz for a smaller release
#                                       file (about 3 minutes more on 2 cores).
#
#   --offline     run Maven offline (-o)
#   --skip-maven  reuse target/omnigraph-console.jar and target/lib from an earlier 'mvn package'
#   --startup-cache KIND  aot (default), appcds, or none (no X display or Xvfb needed)
#   --no-cds              the same as --startup-cache none
#   --no-deb      stop after the application image
#
# Needs JDK 25 (JAVA_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64) with jlink and jpackage.
# For Windows (.msi) and macOS (.dmg) see packaging/windows and packaging/macos.
set -Eeuo pipefail
trap 'echo "build.sh: FAILED at line $LINENO: $BASH_COMMAND" >&2' ERR
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$PKG_DIR/cli-training.sh"

STARTUP_CACHE=aot WITH_DEB=1
while (($#)); do
  case "$1" in
    --offline) MAVEN_OFFLINE=1 ;;
    --skip-maven) SKIP_MAVEN=1 ;;
    --startup-cache) STARTUP_CACHE="${2:-}"; shift ;;
    --no-cds) STARTUP_CACHE=none ;;
    --no-deb) WITH_DEB=0 ;;
    -h|--help) sed -n '2,/^set -E/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
  shift
done
[[ "$STARTUP_CACHE" =~ ^(aot|appcds|none)$ ]] || die "--startup-cache takes aot, appcds or none"

[[ "$(uname -s)" == Linux ]] || die "this script builds the Linux packages; see packaging/windows and packaging/macos"
for tool in java jar jdeps jlink jpackage; do
  [[ -x "$JDK_BIN/$tool" ]] || die "$JDK_BIN/$tool not found: set JAVA_HOME to a JDK 25"
done
[[ -n "$APP_VERSION" ]] || die "could not read the version from pom.xml"

T0=$(now_ms)
mkdir -p "$OUT"
maven_package
stage_input so
link_runtime

# ---------------------------------------------------------------- application image
log "jpackage: application image"
rm -rf "$IMAGE_PARENT" && mkdir -p "$IMAGE_PARENT"
java_opts=()
for o in "${COMMON_JAVA_OPTIONS[@]}"; do java_opts+=(--java-options "$o"); done
"$JDK_BIN/jpackage" --type app-image --name "$APP_NAME" --app-version "$APP_VERSION" \
  --vendor "$APP_VENDOR" --description "$APP_DESCRIPTION" --copyright "Copyright OmniGraph contributors" \
  --input "$INPUT" --main-jar omnigraph-console.jar --main-class "$MAIN_CLASS" \
  --runtime-image "$RUNTIME" --icon "$REPO_DIR/icons/png/omnigraph-console-256.png" \
  "${java_opts[@]}" --dest "$IMAGE_PARENT" || die "jpackage (app-image) failed"
[[ -x "$LAUNCHER" ]] || die "jpackage did not produce $LAUNCHER"
# the icons for the window manager and the desktop entry travel with the image
mkdir -p "$IMAGE/lib/icons"
cp -p "$REPO_DIR"/icons/png/omnigraph-console-*.png "$REPO_DIR/icons/omnigraph-console.svg" "$IMAGE/lib/icons/"

# ---------------------------------------------------------------- start-up cache
if [[ "$STARTUP_CACHE" != none ]]; then
  log "start-up cache ($STARTUP_CACHE): training run of commands, then of the window (exits after its first frame)"
  cli_training_prepare "$LAUNCHER" "$OUT/cli-training" \
    || log "start-up cache: the training's loopback S3 endpoint did not start; training the window alone"
  trained=0
  record_startup_cache "$STARTUP_CACHE" "$LAUNCHER" "$CFG" "$OUT/cache-training.log" with_display timeout 900 && trained=1
  if ((!trained)) && [[ -n "${TRAINING_COMMANDS:-}" ]]; then
    log "start-up cache: no window could be trained (no display?); training the commands alone"
    record_startup_cache "$STARTUP_CACHE" "$LAUNCHER" "$CFG" "$OUT/cache-training.log" \
      timeout 900 bash -c '"$0" --version' && trained=1
  fi
  cli_training_finish
  if ((trained)); then
    for f in "$APP_DIR/$AOT_CACHE_NAME" "$APP_DIR/$CDS_ARCHIVE_NAME"; do
      if [[ -f "$f" ]]; then log "start-up cache: $(basename "$f"), $(du -h "$f" | cut -f1); the launcher uses it"; fi
    done
  else
    log "start-up cache: the training start failed (see $OUT/cache-training.log); the image runs without it"
  fi
fi
log "application image: $(du -sh "$IMAGE" | cut -f1) in $IMAGE"
"$LAUNCHER" --version >/dev/null || die "the packaged launcher does not start ($LAUNCHER --version)"

# ---------------------------------------------------------------- .deb
if ((WITH_DEB)); then
  if ! command -v dpkg-deb >/dev/null 2>&1 || ! command -v fakeroot >/dev/null 2>&1; then
    apt_install fakeroot dpkg-dev || true
  fi
  if command -v dpkg-deb >/dev/null 2>&1 && command -v fakeroot >/dev/null 2>&1; then
    log "jpackage: .deb (uncompressed; repacked below)"
    rm -rf "$DIST" "$OUT/deb-resources" "$OUT/deb-tree" "$OUT/deb-raw" && mkdir -p "$DIST" "$OUT/deb-resources"
    # resource overrides: desktop entry, maintainer scripts (CLI symlink), and the menu icon
    cp -p "$PKG_DIR"/linux/* "$OUT/deb-resources/"
    cp -p "$REPO_DIR/icons/png/omnigraph-console-256.png" "$OUT/deb-resources/$APP_NAME.png"
    DPKG_DEB_COMPRESSOR_TYPE=none "$JDK_BIN/jpackage" --type deb --app-image "$IMAGE" --name "$APP_NAME" \
      --app-version "$APP_VERSION" --vendor "$APP_VENDOR" --description "$APP_DESCRIPTION" \
      --copyright "Copyright OmniGraph contributors" \
      --linux-package-name "$APP_NAME" --linux-deb-maintainer "console@omnigraph.dev" \
      --linux-app-category admin --linux-menu-group "Development;Database;System;" --linux-shortcut \
      --resource-dir "$OUT/deb-resources" --dest "$OUT/deb-raw" || die "jpackage (deb) failed"
    raw="$(ls "$OUT"/deb-raw/*.deb)"
    # jpackage copies the image with new modification times; the start-up cache checks the jars'
    # times, so give every packaged file its time in the image back, then compress once.
    # One fakeroot session, so files stay owned by root when this runs as a normal user.
    IMAGE="$IMAGE" TREE="$OUT/deb-tree" RAW="$raw" TARGET="$DIST/$(basename "$raw")" APP_NAME="$APP_NAME" \
    DPKG_DEB_COMPRESSOR_TYPE="${DEB_COMPRESSOR:-gzip}" fakeroot -- bash -c '
      set -euo pipefail
      dpkg-deb -R "$RAW" "$TREE"
      (cd "$IMAGE" && find . -type f -print0) | while IFS= read -r -d "" f; do
        if [[ -e "$TREE/opt/$APP_NAME/$f" ]]; then touch -r "$IMAGE/$f" "$TREE/opt/$APP_NAME/$f"; fi
      done
      dpkg-deb -b "$TREE" "$TARGET" >/dev/null' || die "repacking the .deb failed"
    rm -rf "$OUT/deb-raw" "$OUT/deb-tree"
    log ".deb: $(ls "$DIST"/*.deb) ($(du -h "$DIST"/*.deb | cut -f1), ${DEB_COMPRESSOR:-gzip})"
  else
    log ".deb: skipped: dpkg-deb and fakeroot are missing and could not be installed (apt-get install fakeroot dpkg-dev)"
  fi
fi
log "done in $(( ($(now_ms) - T0) / 1000 )) s"
