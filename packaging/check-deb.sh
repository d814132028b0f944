#!/usr/bin/env bash
# Checks a built .deb holds what an install needs: the binary, the menu
# entry (valid for desktop-file-validate), the icon (SVG and PNG sizes), the
# MIME type for *.orgevo.json, the man page and the shell completions, and
# that it declares the libraries the window loads at run time.
#   bash packaging/check-deb.sh path/to/orgevo_*.deb
set -euo pipefail
deb="$1"
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
missing=0
for path in \
  ./usr/bin/orgevo \
  ./usr/share/applications/orgevo.desktop \
  ./usr/share/icons/hicolor/scalable/apps/orgevo.svg \
  ./usr/share/icons/hicolor/16x16/apps/orgevo.png \
  ./usr/share/icons/hicolor/48x48/apps/orgevo.png \
  ./usr/share/icons/hicolor/256x256/apps/orgevo.png \
  ./usr/share/icons/hicolor/512x512/apps/orgevo.png \
  ./usr/share/mime/packages/orgevo.xml \
  ./usr/share/bash-completion/completions/orgevo \
  ./usr/share/zsh/vendor-completions/_orgevo \
  ./usr/share/fish/vendor_completions.d/orgevo.fish; do
  if ! grep -qx "$path" <<<"$contents"; then
    echo "missing from $deb: $path" >&2
    missing=1
  fi
done
if ! grep -qE '^\./usr/share/man/man1/orgevo\.1(\.gz)?$' <<<"$contents"; then
  echo "missing from $deb: the man page" >&2
  missing=1
fi
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libgl1 libegl1 libxkbcommon0 libx11-6 libwayland-client0; do
  if ! grep -q "$lib" <<<"$depends"; then
    echo "$deb does not depend on $lib (Depends: $depends)" >&2
    missing=1
  fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work"
desktop-file-validate "$work/usr/share/applications/orgevo.desktop"
grep -q 'pattern="\*.orgevo.json"' "$work/usr/share/mime/packages/orgevo.xml"
"$work/usr/bin/orgevo" --version
exit "$missing"
