#!/bin/sh
# Put naturplan in this user's application menu (Linux): the .desktop file, its Exec pointing at
# this bundle's program, and the icon. Run it from the bundle folder after unpacking; run it
# again after moving the folder. Nothing outside the user's own folders is touched.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
share="${XDG_DATA_HOME:-$HOME/.local/share}"
mkdir -p "$share/applications" "$share/icons/hicolor/scalable/apps"
cp "$here/naturplan.svg" "$share/icons/hicolor/scalable/apps/naturplan.svg"
sed "s|^Exec=.*|Exec=\"$here/naturplan\"|" "$here/naturplan.desktop" \
    > "$share/applications/naturplan.desktop"
echo "naturplan: added to the application menu ($share/applications/naturplan.desktop)"
