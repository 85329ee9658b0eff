#!/usr/bin/env bash
# Builds Cristal's Linux installers: a jlink'ed runtime, a jpackage app image with an AppCDS archive,
# then a portable tar.gz, a .deb and (where rpmbuild exists) an .rpm. One command:
#
#   installers/build.sh                          # mvn package, then everything, into target/installers
#   installers/build.sh --types deb              # only some of: app-image tar.gz deb rpm
#   installers/build.sh --skip-maven --build-dir /tmp/b   # reuse a build made with -Dcristal.buildDir=/tmp/b
#   installers/build.sh --no-cds                 # no training run (no display needed)
#
# build-windows.ps1 and build-macos.sh do the same with the same files: Stage.java, modules.txt,
# jpackage.txt, jvm-options.txt, cristal-workspace.properties, the icons in assets/icons, and for the
# cristal command's own launcher cli-launcher.properties, cli-jvm-options.txt and cli-training.txt.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
build="$root/target"
types="app-image tar.gz deb rpm"
maven=true
cds=true
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build="$(cd "$2" 2>/dev/null && pwd || echo "$2")"; shift 2 ;;
    --types) types="$2"; shift 2 ;;
    --skip-maven) maven=false; shift ;;
    --no-cds) cds=false; shift ;;
    *) echo "build.sh: unknown option $1 (see the comment at the top of installers/build.sh)" >&2; exit 2 ;;
  esac
done
for tool in java jlink jpackage; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is missing: install a JDK 17+ (openjdk-17-jdk)" >&2; exit 1; }
done

version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)"
app_version="${version%%-*}"   # jpackage wants digits and dots: 0.1.0-SNAPSHOT is packaged as 0.1.0
about_url="https://github.com/cristal-studio/cristal"
arch="$(uname -m)"; case "$arch" in x86_64) arch=x64 ;; aarch64) arch=aarch64 ;; esac

if $maven; then
  echo "build.sh: mvn package"
  (cd "$root" && mvn -q -DskipTests package -Dcristal.buildDir="$build")
fi
out="$build/installers"
rm -rf "$out"
mkdir -p "$out"

# 1. The app's jars unshaded, JavaFX without natives, this platform's natives apart.
java "$here/Stage.java" "$build" "$out/stage"
[ -f "$root/LICENSE" ] && cp "$root/LICENSE" "$out/stage/input/"
[ -d "$build/third-party" ] && cp -r "$build/third-party" "$out/stage/input/"

# 2. A runtime with only the modules Cristal uses (installers/modules.txt, checked by check-modules.sh).
modules="$(grep -v '^#' "$here/modules.txt" | sed 's/[[:space:]#].*//' | grep . | paste -sd, -)"
jlink --module-path "$out/stage/javafx" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages \
  --compress="${CRISTAL_JLINK_COMPRESS:-0}" --generate-cds-archive --output "$out/runtime"
cp "$out/stage/natives/"* "$out/runtime/lib/"
# Only used with heaps over 32 GB (no compressed pointers); jvm-options.txt keeps the heap far below.
rm -f "$out/runtime/lib/server/classes_nocoops.jsa"

# 3. The app image. Java options: installers/jvm-options.txt, one per line.
java_options=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) ;; *) java_options+=(--java-options "$line") ;; esac
done < "$here/jvm-options.txt"
# The cristal command's own launcher, bin/cristal-cli, with the options of cli-jvm-options.txt (ADR 0021).
cli_launcher="$out/cristal-cli.properties"
{ cat "$here/cli-launcher.properties"
  printf 'java-options=%s\n' "$(grep -v '^#' "$here/cli-jvm-options.txt" | grep . | paste -sd' ' -)"
  # jpackage 17 forgets this when it packages the image (the .deb still gets an entry for it):
  # linux/cristal-cli.desktop makes that entry a hidden one.
  echo "linux-shortcut=false"
} > "$cli_launcher"
jpackage --type app-image @"$here/jpackage.txt" --app-version "$app_version" \
  --main-jar cristal.jar --main-class org.cristal.app.Main --input "$out/stage/input" --runtime-image "$out/runtime" --icon "$root/assets/icons/cristal.png" \
  "${java_options[@]}" --add-launcher cristal-cli="$cli_launcher" --dest "$out/image"
image="$out/image/Cristal"

# 4. The portable tar.gz, before the AppCDS archive: unpacked anywhere, it could not use one (below).
if [[ " $types " == *" tar.gz "* ]]; then
  tar -C "$out/image" -czf "$out/cristal-$app_version-linux-$arch.tar.gz" Cristal
fi

# 5. The AppCDS archive, made by one run of the image itself (same jars, same class path), which
#    opens the studio on a throwaway workspace, fills the four previews and quits. Java 17 uses an
#    archive only where its jars were when it was made, so the run sees the image at the packages'
#    install path, /opt/cristal, through a private mount (unshare: nothing on the machine changes).
install_dir=/opt/cristal
userns=(); [ "$(id -u)" -ne 0 ] && userns=(--map-root-user)
# Points a launcher (its .cfg) at the AppCDS archive its training run made, when the run said it
# finished ($3 in its output $4); else drops the archive. -Xshare:auto: an archive that does not match
# (a jar replaced by the user) is ignored, never fatal; -Xlog:...=off: and Java says nothing about it.
use_archive() {
  local archive="$1" cfg="$2" done_line="$3" probe_out="$4" what="$5"
  if [ -f "$image/lib/app/$archive" ] && grep -q "$done_line" <<<"$probe_out"; then
    echo "build.sh: AppCDS archive$what made ($(grep "$done_line" <<<"$probe_out"))"
    printf 'java-options=%s\n' "-XX:SharedArchiveFile=\$APPDIR/$archive" -Xshare:auto \
      -Xlog:cds=off,cds+dynamic=off >> "$image/lib/app/$cfg"
  else
    rm -f "$image/lib/app/$archive"
    echo "build.sh: no AppCDS archive$what: its training run did not finish; last lines:" >&2
    tail -5 <<<"$probe_out" >&2
  fi
}
if $cds && command -v xvfb-run >/dev/null && command -v unshare >/dev/null \
    && unshare --mount "${userns[@]}" true 2>/dev/null; then
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  probe="$(env XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" HOME="$scratch" \
    JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$install_dir/lib/app/cristal.jsa -Dcristal.startupProbe=true -Duser.home=$scratch -Dcristal.settings=$scratch/settings.properties" \
    timeout 300 unshare --mount "${userns[@]}" sh -c \
      'mount -t tmpfs none /opt && mkdir -p "$2" && mount --bind "$1" "$2" &&
       xvfb-run -a -s "-screen 0 1366x768x24" "$2/bin/Cristal"' sh "$image" "$install_dir" 2>&1 || true)"
  use_archive cristal.jsa Cristal.cfg '^startup studio' "$probe" ""
  # The cristal command's own archive, made the same way at /opt/cristal from the commands of
  # cli-training.txt (train-cli.sh), in a folder of its own.
  mkdir -p "$scratch/cli"
  cli_probe="$(timeout 600 unshare --mount "${userns[@]}" sh -c \
      'mount -t tmpfs none /opt && mkdir -p "$2" && mount --bind "$1" "$2" && shift 2 && exec bash "$@"' \
      sh "$image" "$install_dir" "$here/train-cli.sh" "$install_dir/bin/cristal-cli" "$install_dir/lib/app/cristal-cli.jsa" \
      "$here/cli-training.txt" "$root/assets/samples" "$scratch/cli" 2>&1 || true)"
  use_archive cristal-cli.jsa cristal-cli.cfg '^cli archive' "$cli_probe" " of the cristal command"
else
  echo "build.sh: no AppCDS archive (--no-cds, or no xvfb-run or unshare to run the studio once)"
fi

# 6. Packages, all from the same image.
package_options=(--app-image "$image" @"$here/jpackage.txt" --app-version "$app_version"
  --resource-dir "$here/linux" --file-associations "$here/cristal-workspace.properties"
  --icon "$root/assets/icons/cristal.png" --linux-package-name cristal --linux-shortcut
  --linux-menu-group "Office" --linux-app-category editors --about-url "$about_url" --dest "$out")
[ -f "$root/LICENSE" ] && package_options+=(--license-file "$root/LICENSE")
for type in $types; do
  case "$type" in
    app-image) ;;
    tar.gz) ;;
    deb)
      command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null \
        || { echo "build.sh: no .deb: dpkg-deb and fakeroot are needed" >&2; continue; }
      jpackage --type deb "${package_options[@]}"
      # jpackage copies the image without its files' times, and Java 17 ignores an AppCDS archive
      # whose jars' times differ from the run that made it ("a jar file is not the one used while
      # building the shared archive"): put the image's times back into the package.
      if [ -f "$image/lib/app/cristal.jsa" ]; then
        deb="$(ls -t "$out"/*.deb | head -1)"
        raw="$(mktemp -d)"
        dpkg-deb -R "$deb" "$raw/pkg"
        (cd "$image" && find . -type f) | while IFS= read -r f; do
          if [ -e "$raw/pkg$install_dir/$f" ]; then touch -r "$image/$f" "$raw/pkg$install_dir/$f"; fi
        done
        dpkg-deb --root-owner-group -b "$raw/pkg" "$deb" >/dev/null
        rm -rf "$raw"
      fi ;;
    rpm)
      command -v rpmbuild >/dev/null \
        || { echo "build.sh: no .rpm: rpmbuild is missing (apt-get install rpm)"; continue; }
      jpackage --type rpm "${package_options[@]}" ;;
    *) echo "build.sh: unknown type $type" >&2; exit 2 ;;
  esac
done

echo "build.sh: sizes (bytes)"
printf '  %-40s %12s\n' "app image (Cristal/)" "$(du -sb "$image" | cut -f1)"
for f in "$out"/*.tar.gz "$out"/*.deb "$out"/*.rpm; do
  [ -f "$f" ] && printf '  %-40s %12s\n' "$(basename "$f")" "$(stat -c %s "$f")"
done
exit 0
