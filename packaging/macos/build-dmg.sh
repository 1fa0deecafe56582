#!/usr/bin/env bash
# Builds the macOS disk image of OmniGraph Console (run on a Mac, from any folder):
#
#   packaging/macos/build-dmg.sh [--offline] [--skip-maven] [--no-cds]
#
# The macOS counterpart of packaging/build.sh, with the same steps and java-options: Maven jar,
# staged input (JavaFX *.dylib next to the JavaFX jars of the -mac classifier that Maven picks on
# a Mac), jlink runtime from jdeps, jpackage app image "OmniGraph Console.app" with
# icons/omnigraph-console.icns, a JDK 25 AOT cache from one training start of the window, then
# 'jpackage --type dmg @packaging/macos/jpackage-dmg.txt'. The CLI is the same executable:
#   "/Applications/OmniGraph Console.app/Contents/MacOS/OmniGraph Console" status --root …
# Signing and notarization: set MAC_SIGNING_IDENTITY (a "Developer ID Application" identity in the
# keychain) to pass --mac-sign --mac-signing-key-user-name; notarize the .dmg afterwards with
# 'xcrun notarytool submit … --wait' and 'xcrun stapler staple'. Unsigned images run after the user
# allows them in System Settings → Privacy & Security.
# Needs JDK 25 (JAVA_HOME) and Xcode command line tools. Not built on the Linux CI machine.
set -Eeuo pipefail
trap 'echo "build-dmg.sh: FAILED at line $LINENO: $BASH_COMMAND" >&2' ERR
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
[[ "$(uname -s)" == Darwin ]] || die "run this on macOS (packaging/build.sh builds the Linux packages)"
if [[ ! -x "$JAVA_HOME/bin/jpackage" && -x /usr/libexec/java_home ]]; then
  JAVA_HOME="$(/usr/libexec/java_home -v 25)"; JDK_BIN="$JAVA_HOME/bin"
fi

WITH_CDS=1
for arg in "$@"; do
  case "$arg" in
    --offline) MAVEN_OFFLINE=1 ;;
    --skip-maven) SKIP_MAVEN=1 ;;
    --no-cds) WITH_CDS=0 ;;
    *) die "unknown option '$arg'" ;;
  esac
done

MAC_NAME="OmniGraph Console"
IMAGE="$IMAGE_PARENT/$MAC_NAME.app"
APP_DIR="$IMAGE/Contents/app"
MAC_LAUNCHER="$IMAGE/Contents/MacOS/$MAC_NAME"

mkdir -p "$OUT"
maven_package
stage_input dylib
link_runtime

log "jpackage: application image"
rm -rf "$IMAGE_PARENT" && mkdir -p "$IMAGE_PARENT"
java_opts=()
for o in "${COMMON_JAVA_OPTIONS[@]}"; do java_opts+=(--java-options "$o"); done
sign=()
[[ -n "${MAC_SIGNING_IDENTITY:-}" ]] && sign=(--mac-sign --mac-signing-key-user-name "$MAC_SIGNING_IDENTITY")
"$JDK_BIN/jpackage" --type app-image --name "$MAC_NAME" --app-version "$APP_VERSION" \
  --vendor "$APP_VENDOR" --input "$INPUT" --main-jar omnigraph-console.jar --main-class "$MAIN_CLASS" \
  --runtime-image "$RUNTIME" --icon "$REPO_DIR/icons/omnigraph-console.icns" \
  --mac-package-identifier dev.omnigraph.console --mac-package-name "$MAC_NAME" \
  "${java_opts[@]}" ${sign[@]+"${sign[@]}"} --dest "$IMAGE_PARENT"

if ((WITH_CDS)); then
  log "start-up cache (JDK 25 AOT cache): training start of the window (exits after its first frame)"
  if ! record_startup_cache aot "$MAC_LAUNCHER" "$APP_DIR/$MAC_NAME.cfg" "$OUT/cache-training.log"; then
    log "start-up cache: the training start failed (see $OUT/cache-training.log); the image runs without it"
  fi
  # the cache changed the bundle after signing: sign again
  if ((${#sign[@]})); then codesign --force --deep --options runtime --sign "$MAC_SIGNING_IDENTITY" "$IMAGE"; fi
fi

log "jpackage: dmg"
mkdir -p "$DIST"
(cd "$REPO_DIR" && "$JDK_BIN/jpackage" @packaging/macos/jpackage-dmg.txt --app-image "$IMAGE" \
  --app-version "$APP_VERSION" ${sign[@]+"${sign[@]}"} --dest "$DIST")
log "done: $(ls "$DIST"/*.dmg)"
