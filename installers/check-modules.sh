#!/usr/bin/env bash
# Fails when the code Cristal ships needs a Java module that installers/modules.txt (the jlink list
# every platform's script uses) leaves out. Run after a build: installers/check-modules.sh [BUILD_DIR]
# jdeps sees static references only: the modules loaded by name at run time (TLS ciphers, French
# locale data, charsets, the WebView's DOM bridge) are listed in modules.txt by hand, with a reason.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$(dirname "$here")/target}"
stage="$build/installers/stage"
[ -d "$stage/input" ] || java "$here/Stage.java" "$build" "$stage" >/dev/null
# From Cristal's jar through every class it reaches (--recursive): given all jars as roots, jdeps
# resolves the few that are modules (jaxb-api) and stops on their optional requirements.
needed="$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps --recursive \
  --module-path "$stage/javafx" --class-path "$stage/input/*" "$stage/input/cristal.jar" | tr ',' '\n' | sort -u)"
listed="$(grep -v '^#' "$here/modules.txt" | sed 's/[[:space:]].*//' | grep . | sort -u)"
missing="$(comm -23 <(echo "$needed") <(echo "$listed"))"
if [ -n "$missing" ]; then
  echo "check-modules: jdeps finds modules missing from installers/modules.txt: $(echo $missing)" >&2
  exit 1
fi
echo "check-modules: the $(echo "$needed" | wc -l) modules jdeps finds are all in installers/modules.txt"
