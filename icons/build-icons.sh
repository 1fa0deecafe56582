#!/usr/bin/env bash
# Regenerates every raster icon of OmniGraph Console from the SVG sources in this folder:
#   png/omnigraph-console-{16,24,32,48,64,128,256,512,1024}.png
#   omnigraph-console.ico   (16, 24, 32, 48, 64, 128, 256)
#   omnigraph-console.icns  (16, 32, 48, 128, 256, 512, 1024)
# 16 and 24 px are rendered from omnigraph-console-small.svg (pixel-hinted, simplified);
# every other size from omnigraph-console.svg.
# Missing tools are installed from Debian/Ubuntu with apt-get (librsvg2-bin, imagemagick, icnsutils).
# Safe to run repeatedly; stops with an error message at the first failure.
set -Eeuo pipefail
trap 'echo "build-icons.sh: FAILED at line $LINENO: $BASH_COMMAND" >&2' ERR

die() { echo "build-icons.sh: ERROR: $*" >&2; exit 1; }

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NAME=omnigraph-console
SVG="$HERE/$NAME.svg"
SVG_SMALL="$HERE/$NAME-small.svg"
PNG_DIR="$HERE/png"
PNG_SIZES=(16 24 32 48 64 128 256 512 1024)
ICO_SIZES=(16 24 32 48 64 128 256)
ICNS_SIZES=(16 32 48 128 256 512 1024)
SMALL_MAX=24   # sizes <= this use the small variant

[[ -f "$SVG" ]] || die "missing $SVG"
[[ -f "$SVG_SMALL" ]] || die "missing $SVG_SMALL"

# ---------------------------------------------------------------- tools
# An ImageMagick binary that really is ImageMagick (some hosts shadow 'convert' with wrappers).
find_magick() {
  local c
  for c in magick /usr/bin/convert-im6.q16 /usr/bin/convert convert; do
    if command -v "$c" >/dev/null 2>&1 && "$c" -version 2>/dev/null | grep -q '^Version: ImageMagick'; then
      command -v "$c"; return 0
    fi
  done
  return 1
}
find_identify() {
  local c
  for c in /usr/bin/identify-im6.q16 /usr/bin/identify identify; do
    if command -v "$c" >/dev/null 2>&1 && "$c" -version 2>/dev/null | grep -q '^Version: ImageMagick'; then
      command -v "$c"; return 0
    fi
  done
  if command -v magick >/dev/null 2>&1; then echo "magick identify"; return 0; fi
  return 1
}

need_pkgs=()
command -v rsvg-convert >/dev/null 2>&1 || need_pkgs+=(librsvg2-bin)
find_magick >/dev/null || need_pkgs+=(imagemagick)
{ command -v png2icns >/dev/null 2>&1 && command -v icns2png >/dev/null 2>&1; } || need_pkgs+=(icnsutils)

if ((${#need_pkgs[@]})); then
  echo "Installing: ${need_pkgs[*]}"
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install ${need_pkgs[*]} by hand"
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to install ${need_pkgs[*]}"
    SUDO=(sudo)
  fi
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}"
fi

MAGICK="$(find_magick)" || die "ImageMagick not usable after install"
IDENTIFY="$(find_identify)" || die "ImageMagick identify not usable after install"
command -v rsvg-convert >/dev/null || die "rsvg-convert not usable after install"
command -v png2icns >/dev/null || die "png2icns not usable after install"
command -v icns2png >/dev/null || die "icns2png not usable after install"

# ---------------------------------------------------------------- PNGs
mkdir -p "$PNG_DIR"
png() { echo "$PNG_DIR/$NAME-$1.png"; }

for s in "${PNG_SIZES[@]}"; do
  src="$SVG"; ((s <= SMALL_MAX)) && src="$SVG_SMALL"
  rsvg-convert --width "$s" --height "$s" --keep-aspect-ratio --format png -o "$(png "$s").tmp" "$src"
  mv -f "$(png "$s").tmp" "$(png "$s")"
  dim="$($IDENTIFY -format '%wx%h' "$(png "$s")")"
  [[ "$dim" == "${s}x${s}" ]] || die "$(png "$s") is $dim, expected ${s}x${s}"
  echo "  png/$NAME-$s.png  (from $(basename "$src"))"
done

# ---------------------------------------------------------------- ICO
ico_in=(); for s in "${ICO_SIZES[@]}"; do ico_in+=("$(png "$s")"); done
rm -f "$HERE/$NAME.ico.tmp"
"$MAGICK" "${ico_in[@]}" "ICO:$HERE/$NAME.ico.tmp"
mv -f "$HERE/$NAME.ico.tmp" "$HERE/$NAME.ico"
got="$($IDENTIFY -format '%w ' "$HERE/$NAME.ico" | xargs -n1 | sort -n | xargs)"
want="$(printf '%s\n' "${ICO_SIZES[@]}" | sort -n | xargs)"
[[ "$got" == "$want" ]] || die "$NAME.ico holds sizes [$got], expected [$want]"
echo "  $NAME.ico  ($got)"

# ---------------------------------------------------------------- ICNS
icns_in=(); for s in "${ICNS_SIZES[@]}"; do icns_in+=("$(png "$s")"); done
rm -f "$HERE/$NAME.icns.tmp"
png2icns "$HERE/$NAME.icns.tmp" "${icns_in[@]}" >/dev/null
mv -f "$HERE/$NAME.icns.tmp" "$HERE/$NAME.icns"
listing="$(icns2png -l "$HERE/$NAME.icns")"
for s in "${ICNS_SIZES[@]}"; do
  grep -Eq "${s}x${s}" <<<"$listing" || { echo "$listing" >&2; die "$NAME.icns lacks a ${s}x${s} image"; }
done
echo "  $NAME.icns  (${ICNS_SIZES[*]})"

echo "build-icons.sh: done."
