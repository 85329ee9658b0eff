#!/usr/bin/env bash
# Makes every icon file the installers and the studio use from the one SVG source,
# assets/icons/cristal.svg. The results are committed, so a build needs none of these tools;
# rerun this after editing the SVG. Needs (Debian packages): librsvg2-bin, imagemagick, icnsutils.
set -euo pipefail
cd "$(dirname "$0")/../assets/icons"
for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "icons: $tool is missing (apt-get install librsvg2-bin imagemagick icnsutils)" >&2; exit 1; }
done
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" cristal.svg -o "cristal-$size.png"
done
# Windows picks the size it needs from one .ico; 256 is stored as PNG inside, as Windows expects.
convert cristal-16.png cristal-24.png cristal-32.png cristal-48.png cristal-64.png cristal-128.png \
  cristal-256.png cristal.ico
# png2icns knows the sizes macOS uses (16, 32, 48, 128, 256, 512).
png2icns cristal.icns cristal-16.png cristal-32.png cristal-48.png cristal-128.png cristal-256.png \
  cristal-512.png >/dev/null
# jpackage's Linux packages take one PNG as the launcher's and the desktop entry's icon.
cp cristal-256.png cristal.png
echo "icons: $(ls | wc -l) files in assets/icons"
