# Builds Cristal's Windows installer (.msi) and app image, the way installers/build.sh does on Linux,
# from the same files: Stage.java, modules.txt, jpackage.txt, jvm-options.txt, the cristal command's
# cli-launcher.properties, cli-jvm-options.txt and cli-training.txt, cristal-workspace.properties and
# assets/icons/cristal.ico. Run from any folder:
#
#   powershell -File installers\build-windows.ps1 [-SkipMaven] [-NoCds]
#
# Needs a JDK 17+ (jlink, jpackage), Maven and the WiX Toolset 3 (candle.exe and light.exe on the
# PATH) for the .msi. Not run on the machine where Cristal is developed: CI runs it
# (.github/workflows/installers.yml, windows-latest).
param([switch]$SkipMaven, [switch]$NoCds, [string]$BuildDir = "")
$ErrorActionPreference = "Stop"
$here = $PSScriptRoot
$root = Split-Path $here -Parent
if ($BuildDir -eq "") { $BuildDir = Join-Path $root "target" }

$pom = Get-Content (Join-Path $root "pom.xml") -Raw
$version = [regex]::Match($pom, "(?m)^  <version>(.*)</version>").Groups[1].Value
$appVersion = $version.Split("-")[0]

if (-not $SkipMaven) {
    Push-Location $root
    mvn -q -DskipTests package "-Dcristal.buildDir=$BuildDir"
    if ($LASTEXITCODE -ne 0) { throw "mvn package failed" }
    Pop-Location
}
$out = Join-Path $BuildDir "installers"
if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory $out | Out-Null

# 1. The app's jars unshaded, JavaFX without natives, this platform's natives apart.
java (Join-Path $here "Stage.java") $BuildDir (Join-Path $out "stage")
if ($LASTEXITCODE -ne 0) { throw "staging failed" }
$appInput = Join-Path $out "stage\input"
if (Test-Path (Join-Path $root "LICENSE")) { Copy-Item (Join-Path $root "LICENSE") $appInput }
if (Test-Path (Join-Path $BuildDir "third-party")) { Copy-Item -Recurse (Join-Path $BuildDir "third-party") $appInput }

# 2. The runtime: the same module list as Linux and macOS.
$modules = (Get-Content (Join-Path $here "modules.txt") | Where-Object { $_ -notmatch '^\s*(#|$)' } |
    ForEach-Object { ($_ -split '[\s#]')[0] }) -join ","
$compress = if ($env:CRISTAL_JLINK_COMPRESS) { $env:CRISTAL_JLINK_COMPRESS } else { "0" }
$runtime = Join-Path $out "runtime"
jlink --module-path (Join-Path $out "stage\javafx") --add-modules $modules --strip-debug --no-header-files `
    --no-man-pages "--compress=$compress" --generate-cds-archive --output $runtime
if ($LASTEXITCODE -ne 0) { throw "jlink failed" }
# On Windows the runtime looks for its own libraries in bin\, not lib\.
Copy-Item (Join-Path $out "stage\natives\*") (Join-Path $runtime "bin")
# Only used with heaps over 32 GB (no compressed pointers); jvm-options.txt keeps the heap far below.
Remove-Item -ErrorAction SilentlyContinue (Join-Path $runtime "bin\server\classes_nocoops.jsa")

# 3. The app image, with the launchers' Java options.
$javaOptions = @()
foreach ($line in Get-Content (Join-Path $here "jvm-options.txt")) {
    if ($line -notmatch '^\s*(#|$)') { $javaOptions += @("--java-options", $line) }
}
# The cristal command's own launcher, cristal-cli.exe, with a console, as on Linux (ADR 0021).
$cliOptions = (Get-Content (Join-Path $here "cli-jvm-options.txt") | Where-Object { $_ -notmatch '^\s*(#|$)' }) -join " "
$cliLauncher = Join-Path $out "cristal-cli.properties"
(Get-Content (Join-Path $here "cli-launcher.properties")) + @("java-options=$cliOptions", "win-console=true",
    "win-shortcut=false", "win-menu=false") | Set-Content -Encoding ASCII $cliLauncher
jpackage --type app-image "@$(Join-Path $here 'jpackage.txt')" --app-version $appVersion `
    --main-jar cristal.jar --main-class org.cristal.app.Main --input $appInput `
    --runtime-image $runtime --icon (Join-Path $root "assets\icons\cristal.ico") @javaOptions `
    --add-launcher "cristal-cli=$cliLauncher" --dest (Join-Path $out "image")
if ($LASTEXITCODE -ne 0) { throw "jpackage app-image failed" }
$image = Join-Path $out "image\Cristal"

# 4. The AppCDS archive: one run of the image opens the studio, fills the previews and quits
#    (CI runners have a desktop session, so no virtual display is needed). Java 17 uses it only if
#    the jars stay where they were (Linux trains at its install path; here the user picks the
#    folder, so it may go unused: -Xshare:auto and -Xlog keep that silent and harmless).
if (-not $NoCds) {
    $scratch = Join-Path ([System.IO.Path]::GetTempPath()) ("cristal-cds-" + [guid]::NewGuid())
    New-Item -ItemType Directory $scratch | Out-Null
    $env:JAVA_TOOL_OPTIONS = "-XX:ArchiveClassesAtExit=$image\app\cristal.jsa -Dcristal.startupProbe=true " +
        "-Duser.home=$scratch -Dcristal.settings=$scratch\settings.properties"
    $env:CRISTAL_WORKSPACE = Join-Path $scratch "training.cristal"
    $p = Start-Process -FilePath (Join-Path $image "Cristal.exe") -PassThru -Wait -NoNewWindow
    Remove-Item Env:JAVA_TOOL_OPTIONS; Remove-Item Env:CRISTAL_WORKSPACE
    if (Test-Path "$image\app\cristal.jsa") {
        Add-Content "$image\app\Cristal.cfg" "java-options=-XX:SharedArchiveFile=`$APPDIR\cristal.jsa`njava-options=-Xshare:auto`njava-options=-Xlog:cds=off,cds+dynamic=off"
        Write-Host "build-windows: AppCDS archive made"
    } else {
        Write-Host "build-windows: no AppCDS archive: the training run did not finish"
    }
    # The cristal command's archive: each command of cli-training.txt once, its classes listed, then
    # the union dumped into one static archive (what train-cli.sh does on Linux and macOS).
    $cli = Join-Path $image "cristal-cli.exe"
    $cliJsa = Join-Path $image "app\cristal-cli.jsa"
    $env:CRISTAL_WORKSPACE = Join-Path $scratch "training.cristal"
    $n = 0
    $trained = $true
    foreach ($line in Get-Content (Join-Path $here "cli-training.txt")) {
        if ($line -match '^\s*(#|$)') { continue }
        $n++
        # Split before the folders go in: a folder's name may hold a space.
        $cliArgs = $line -split ' ' | ForEach-Object { $_ -replace '\{samples\}', (Join-Path $root "assets\samples") -replace '\{scratch\}', $scratch }
        $env:JAVA_TOOL_OPTIONS = "-XX:DumpLoadedClassList=$scratch\cli-$n.classlist -Duser.home=$scratch"
        & $cli @cliArgs | Out-Null
        if ($LASTEXITCODE -ne 0) { Write-Host "build-windows: cli training failed: cristal $line"; $trained = $false; break }
    }
    if ($trained) {
        Get-ChildItem $scratch -Filter "cli-*.classlist" | Sort-Object { [int]($_.BaseName -replace 'cli-', '') } |
            Get-Content | Where-Object { $_ -notmatch '^#' } | Select-Object -Unique |
            Set-Content -Encoding ASCII (Join-Path $scratch "cli.classlist")
        $env:JAVA_TOOL_OPTIONS = "-Xshare:dump -XX:SharedClassListFile=$scratch\cli.classlist -XX:SharedArchiveFile=$cliJsa"
        & $cli --version | Out-Null
    }
    Remove-Item Env:JAVA_TOOL_OPTIONS; Remove-Item Env:CRISTAL_WORKSPACE
    if ($trained -and (Test-Path $cliJsa)) {
        Add-Content "$image\app\cristal-cli.cfg" "java-options=-XX:SharedArchiveFile=`$APPDIR\cristal-cli.jsa`njava-options=-Xshare:auto`njava-options=-Xlog:cds=off,cds+dynamic=off"
        Write-Host "build-windows: AppCDS archive of the cristal command made"
    } else {
        Remove-Item -ErrorAction SilentlyContinue $cliJsa
    }
}

# 5. The .msi: Start menu entry, desktop shortcut, folder choice, upgrades in place, .cristal files.
$msi = @("--type", "msi", "--app-image", $image, "@$(Join-Path $here 'jpackage.txt')", "--app-version", $appVersion,
    "--file-associations", (Join-Path $here "cristal-workspace.properties"),
    "--icon", (Join-Path $root "assets\icons\cristal.ico"),
    "--win-menu", "--win-menu-group", "Cristal", "--win-shortcut", "--win-dir-chooser",
    # Never change this: Windows upgrades an installed Cristal in place because of it.
    "--win-upgrade-uuid", "6f1d2c54-6a0c-4c43-9d3b-2f0c8a3e5c11",
    "--dest", $out)
if (Test-Path (Join-Path $root "LICENSE")) { $msi += @("--license-file", (Join-Path $root "LICENSE")) }
jpackage @msi
if ($LASTEXITCODE -ne 0) { throw "jpackage msi failed" }
Compress-Archive -Path $image -DestinationPath (Join-Path $out "cristal-$appVersion-windows-x64.zip")
Get-ChildItem $out -File | ForEach-Object { Write-Host ("  {0,-40} {1,12}" -f $_.Name, $_.Length) }
