#!/usr/bin/env bash
# Makes the `cristal` command's AppCDS archive (ADR 0021): runs each command of cli-training.txt once
# through the installed-to-be cristal-cli launcher, listing the classes it loads
# (-XX:DumpLoadedClassList), then dumps the union into one static archive. One run with
# -XX:ArchiveClassesAtExit, as the studio is trained, would hold only one command's classes.
#
#   train-cli.sh LAUNCHER ARCHIVE TRAINING-FILE SAMPLES-DIR SCRATCH-DIR
#
# Java 17 uses the archive only where the jars were at dump time: build.sh runs this with the image
# seen at /opt/cristal; build-macos.sh in place. Prints "cli archive: N commands, M classes" on success.
set -uo pipefail
launcher="$1" archive="$2" training="$3" samples="$4" scratch="$5"
export HOME="$scratch" CRISTAL_WORKSPACE="$scratch/training.cristal"
n=0
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  n=$((n + 1))
  # Split before the folders go in: a folder's name may hold a space.
  read -ra words <<<"$line"
  words=("${words[@]//\{samples\}/$samples}")
  words=("${words[@]//\{scratch\}/$scratch}")
  if ! JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$scratch/cli-$n.classlist -Duser.home=$scratch" \
      "$launcher" "${words[@]}" >"$scratch/cli-$n.log" 2>&1; then
    echo "train-cli.sh: failed: cristal $line" >&2
    tail -3 "$scratch/cli-$n.log" >&2
    exit 1
  fi
done <"$training"
# Comments out, each class once, in the order first loaded.
cat "$scratch"/cli-*.classlist | grep -v '^#' | awk '!seen[$0]++' >"$scratch/cli.classlist"
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$scratch/cli.classlist -XX:SharedArchiveFile=$archive" \
  "$launcher" --version >"$scratch/cli-dump.log" 2>&1
if [ -f "$archive" ]; then
  echo "cli archive: $n commands, $(grep -vc '^@' "$scratch/cli.classlist") classes"
else
  echo "train-cli.sh: the archive was not made; last lines:" >&2
  tail -5 "$scratch/cli-dump.log" >&2
  exit 1
fi
