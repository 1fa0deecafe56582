<#
.SYNOPSIS
  Builds the Windows installer of OmniGraph Console: target\packaging\dist\OmniGraph Console-<version>.msi

.DESCRIPTION
  The Windows counterpart of packaging/build.sh (run from the repository root, in PowerShell 7+):
    1. mvn -DskipTests package                  -> target\omnigraph-console.jar + target\lib\ (JavaFX *-win.jar)
    2. stage the jpackage input                 -> version in the jar manifest, JavaFX DLLs next to the JavaFX jars
    3. jlink runtime (modules found by jdeps)   -> stripped, with the JDK's CDS archive
    4. jpackage app image                       -> "OmniGraph Console.exe" (window) + omnigraph-console.exe (CLI, console)
    5. start-up cache: JDK 25 AOT cache from one training start of the window, which exits after its first
       frame (-NoCds skips it)
    6. jpackage --type msi @packaging\windows\jpackage-msi.txt (menu entry, desktop shortcut, upgrade UUID)

  Needs: JDK 25 (JAVA_HOME), Maven 3.8+, and the WiX Toolset on the PATH: WiX 3.14 (candle.exe, light.exe) or
  WiX 4/5 ('dotnet tool install --global wix', then 'wix extension add -g WixToolset.Util.wixext' and
  'wix extension add -g WixToolset.UI.wixext'); jpackage picks whichever it finds.
  Not built on the Linux CI machine; kept in step with packaging/build.sh (same steps, same java-options).
#>
param([switch]$Offline, [switch]$SkipMaven, [switch]$NoCds)
$ErrorActionPreference = 'Stop'
$Repo = (Resolve-Path "$PSScriptRoot\..\..").Path
$Jdk = if ($env:JAVA_HOME) { $env:JAVA_HOME } else { throw 'Set JAVA_HOME to a JDK 25' }
$Bin = Join-Path $Jdk 'bin'
$Version = ([xml](Get-Content "$Repo\pom.xml")).project.version
$Out = "$Repo\target\packaging"; $Stage = "$Out\input"; $Runtime = "$Out\runtime"; $ImageParent = "$Out\image"
$Name = 'OmniGraph Console'; $Image = "$ImageParent\$Name"; $AppDir = "$Image\app"
$JavaOptions = @('--enable-native-access=ALL-UNNAMED', '-Xlog:disable', '-Xlog:all=warning:stderr',
                 '-Xlog:cds*=off:stderr', '-Xlog:aot*=off:stderr')
function Step($m) { Write-Host "[$(Get-Date -Format HH:mm:ss)] $m" }

if (-not $SkipMaven) {
  Step 'maven: package'
  Push-Location $Repo; try { & mvn -B -q $(if ($Offline) { '-o' }) -DskipTests package; if ($LASTEXITCODE) { throw 'mvn failed' } } finally { Pop-Location }
}

Step 'stage input'
Remove-Item -Recurse -Force $Stage, "$Out\natives" -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$Stage\lib", "$Out\natives" | Out-Null
Copy-Item "$Repo\target\omnigraph-console.jar" $Stage
Copy-Item "$Repo\target\lib\*.jar" "$Stage\lib"
"Implementation-Title: $Name`nImplementation-Version: $Version`nImplementation-Vendor: OmniGraph`n" |
  Set-Content -Encoding ascii -NoNewline "$Out\manifest-extra.mf"
& "$Bin\jar" --update --file "$Stage\omnigraph-console.jar" --manifest "$Out\manifest-extra.mf"
Get-ChildItem "$Stage\lib\javafx-*-win.jar" | ForEach-Object { Push-Location "$Out\natives"; & "$Bin\jar" xf $_.FullName; Pop-Location }
Get-ChildItem "$Out\natives\*.dll" | Copy-Item -Destination "$Stage\lib"

Step 'jlink'
$found = & "$Bin\jdeps" --ignore-missing-deps --print-module-deps --multi-release 25 --recursive `
  --class-path "$Stage\lib\*" "$Stage\omnigraph-console.jar"
$available = & "$Bin\java" --list-modules | ForEach-Object { ($_ -split '@')[0] }
$modules = (($found -split ',') + @('jdk.charsets', 'jdk.net', 'jdk.crypto.ec')) | Where-Object { $available -contains $_ }
Remove-Item -Recurse -Force $Runtime -ErrorAction SilentlyContinue
& "$Bin\jlink" --add-modules ($modules -join ',') --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output $Runtime
if ($LASTEXITCODE) { throw 'jlink failed' }

Step 'jpackage: application image'
Remove-Item -Recurse -Force $ImageParent -ErrorAction SilentlyContinue
$opts = @(); foreach ($o in $JavaOptions) { $opts += @('--java-options', $o) }
& "$Bin\jpackage" --type app-image --name $Name --app-version $Version --vendor OmniGraph `
  --input $Stage --main-jar omnigraph-console.jar --main-class dev.omnigraph.console.Launcher `
  --runtime-image $Runtime --icon "$Repo\icons\omnigraph-console.ico" `
  --add-launcher "omnigraph-console=$Repo\packaging\windows\cli-launcher.properties" @opts --dest $ImageParent
if ($LASTEXITCODE) { throw 'jpackage (app-image) failed' }

if (-not $NoCds) {
  Step 'start-up cache (AOT cache): training start of the window'
  $archive = "$AppDir\omnigraph-console.aot"; $trainHome = Join-Path ([IO.Path]::GetTempPath()) "ogc-cds-$PID"
  $env:JAVA_TOOL_OPTIONS = "-XX:AOTCacheOutput=$archive -Domnigraph.console.home=$trainHome -Domnigraph.console.exitAfterFirstFrame=true"
  try { & "$Image\omnigraph-console.exe" | Out-Null } finally { Remove-Item Env:JAVA_TOOL_OPTIONS }
  if (Test-Path $archive) {
    foreach ($cfg in Get-ChildItem "$AppDir\*.cfg") {
      (Get-Content $cfg) -replace '^\[JavaOptions\]$', "[JavaOptions]`njava-options=-XX:AOTCache=`$APPDIR\omnigraph-console.aot" |
        Set-Content $cfg
    }
  } else { Step 'start-up cache: training failed; the image runs without it' }
}

Step 'jpackage: msi'
Push-Location $Repo
try {
  & "$Bin\jpackage" "@packaging\windows\jpackage-msi.txt" --app-image $Image --app-version $Version --dest "$Out\dist"
  if ($LASTEXITCODE) { throw 'jpackage (msi) failed' }
} finally { Pop-Location }
Step "done: $(Get-ChildItem "$Out\dist\*.msi")"
