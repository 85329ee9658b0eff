#!/usr/bin/env bash
# Builds Cristal's macOS disk image (.dmg) and app bundle, the way installers/build.sh does on Linux,
# from the same files: Stage.java, modules.txt, jpackage.txt, jvm-options.txt, the cristal command's
# cli-launcher.properties, cli-jvm-options.txt, cli-training.txt and train-cli.sh,
# cristal-workspace.properties and assets/icons/cristal.icns.
#
#   installers/build-macos.sh [--skip-maven] [--no-cds]
#
# Signed when a certificate is given: import the "Developer ID Application" certificate into the
# keychain and set CRISTAL_MAC_SIGNING_KEY_USER_NAME (the name after "Developer ID Application: ")
# and, if not the default one, CRISTAL_MAC_SIGNING_KEYCHAIN. Without them the .dmg is unsigned and
# Gatekeeper asks the user to confirm the first start (right click → Open).
# Not run on the machine where Cristal is developed: CI runs it (.github/workflows/installers.yml,
# macos-latest). The open-file event of the Finder reaches the app (shell's work, see org.cristal.app).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
build="$root/target"
maven=true
cds=true
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build="$2"; shift 2 ;;
    --skip-maven) maven=false; shift ;;
    --no-cds) cds=false; shift ;;
    *) echo "build-macos.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)"
app_version="${version%%-*}"
# macOS refuses a bundle version starting with 0: 0.1.0 is shipped as 1.0.0 until Cristal 1.0 exists.
mac_version="$app_version"; case "$mac_version" in 0.*) mac_version="1.0.0" ;; esac
about_url="https://github.com/cristal-studio/cristal"

if $maven; then
  (cd "$root" && mvn -q -DskipTests package -Dcristal.buildDir="$build")
fi
out="$build/installers"
rm -rf "$out"
mkdir -p "$out"

# 1. The app's jars unshaded, JavaFX without natives, this platform's natives apart.
java "$here/Stage.java" "$build" "$out/stage"
[ -f "$root/LICENSE" ] && cp "$root/LICENSE" "$out/stage/input/"
[ -d "$build/third-party" ] && cp -r "$build/third-party" "$out/stage/input/"

# 2. The runtime: the same module list as Linux and Windows.
modules="$(grep -v '^#' "$here/modules.txt" | sed 's/[[:space:]#].*//' | grep . | paste -sd, -)"
jlink --module-path "$out/stage/javafx" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages \
  --compress="${CRISTAL_JLINK_COMPRESS:-0}" --generate-cds-archive --output "$out/runtime"
cp "$out/stage/natives/"* "$out/runtime/lib/"
# Only used with heaps over 32 GB (no compressed pointers); jvm-options.txt keeps the heap far below.
rm -f "$out/runtime/lib/server/classes_nocoops.jsa"

# 3. The app bundle.
java_options=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) ;; *) java_options+=(--java-options "$line") ;; esac
done < "$here/jvm-options.txt"
sign=()
if [ -n "${CRISTAL_MAC_SIGNING_KEY_USER_NAME:-}" ]; then
  sign=(--mac-sign --mac-signing-key-user-name "$CRISTAL_MAC_SIGNING_KEY_USER_NAME")
  [ -n "${CRISTAL_MAC_SIGNING_KEYCHAIN:-}" ] && sign+=(--mac-signing-keychain "$CRISTAL_MAC_SIGNING_KEYCHAIN")
fi
# The cristal command's own launcher, Contents/MacOS/cristal-cli, as on Linux (ADR 0021).
cli_launcher="$out/cristal-cli.properties"
{ cat "$here/cli-launcher.properties"
  printf 'java-options=%s\n' "$(grep -v '^#' "$here/cli-jvm-options.txt" | grep . | paste -sd' ' -)"
} > "$cli_launcher"
jpackage --type app-image @"$here/jpackage.txt" --app-version "$mac_version" \
  --main-jar cristal.jar --main-class org.cristal.app.Main --input "$out/stage/input" \
  --runtime-image "$out/runtime" --icon "$root/assets/icons/cristal.icns" "${java_options[@]}" \
  --add-launcher cristal-cli="$cli_launcher" \
  --mac-package-identifier org.cristal.studio --mac-package-name Cristal --mac-app-category public.app-category.productivity \
  ${sign[@]+"${sign[@]}"} --dest "$out/image"
app="$out/image/Cristal.app"

# 4. The AppCDS archive, made by one run of the bundle (a CI runner has a window server). Made
#    before signing would break the seal, so with a certificate the archive is left out.
if $cds && [ ${#sign[@]} -eq 0 ]; then
  scratch="$(mktemp -d)"
  env JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$app/Contents/app/cristal.jsa -Dcristal.startupProbe=true -Duser.home=$scratch -Dcristal.settings=$scratch/settings.properties" \
    CRISTAL_WORKSPACE="$scratch/training.cristal" "$app/Contents/MacOS/Cristal" || true
  if [ -f "$app/Contents/app/cristal.jsa" ]; then
    printf 'java-options=%s\n' '-XX:SharedArchiveFile=$APPDIR/cristal.jsa' -Xshare:auto \
      -Xlog:cds=off,cds+dynamic=off >> "$app/Contents/app/Cristal.cfg"
    echo "build-macos.sh: AppCDS archive made"
  fi
  # The cristal command's archive, from the commands of cli-training.txt (train-cli.sh).
  mkdir -p "$scratch/cli"
  if bash "$here/train-cli.sh" "$app/Contents/MacOS/cristal-cli" "$app/Contents/app/cristal-cli.jsa" \
      "$here/cli-training.txt" "$root/assets/samples" "$scratch/cli"; then
    printf 'java-options=%s\n' '-XX:SharedArchiveFile=$APPDIR/cristal-cli.jsa' -Xshare:auto \
      -Xlog:cds=off,cds+dynamic=off >> "$app/Contents/app/cristal-cli.cfg"
  else
    rm -f "$app/Contents/app/cristal-cli.jsa"
  fi
  rm -rf "$scratch"
fi

# 5. The disk image, with .cristal files opening in Cristal.
jpackage --type dmg --app-image "$app" @"$here/jpackage.txt" --app-version "$mac_version" \
  --file-associations "$here/cristal-workspace.properties" --about-url "$about_url" \
  --mac-package-identifier org.cristal.studio ${sign[@]+"${sign[@]}"} --dest "$out"
for f in "$out"/*.dmg; do printf '  %-40s %12s\n' "$(basename "$f")" "$(stat -f %z "$f")"; done
