#!/usr/bin/env bash
# Lays out the PowerShell module so `Import-Module artifacts/module/Starmap` works as it is:
#   artifacts/module/Starmap/  manifest, formats, help, Starmap.PowerShell.dll (the cmdlets)
#   artifacts/module/Starmap/deps/  the Engine and its dependencies (Orleans, Microsoft.Extensions.*),
#                                   loaded into the module's private AssemblyLoadContext
#   artifacts/packages/Starmap.<version>.nupkg  the module as a package Install-PSResource takes from a
#                                   local folder repository (Register-PSResourceRepository -Uri artifacts/packages)
# Usage: build/module.sh [--no-build] [--install]
#   --no-build: the Release build of the solution already ran
#   --install:  also install the package on the user's module path (Install-PSResource -Scope CurrentUser)
set -euo pipefail
cd "$(dirname "$0")/.."

build=1 install=0
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        --install) install=1 ;;
        *) echo "build/module.sh: unknown option '$arg' (use --no-build, --install)" >&2; exit 2 ;;
    esac
done

if [ $build = 1 ]; then
    dotnet build module/Starmap.PowerShell -c Release -nologo -clp:NoSummary -v q
fi

out=artifacts/module/Starmap
rm -rf artifacts/module artifacts/module-engine
mkdir -p "$out/deps"
dotnet publish module/Starmap.PowerShell.Engine -c Release --no-build -nologo -v q -o artifacts/module-engine
cp -r artifacts/module-engine/. "$out/deps/"
rm -f "$out"/deps/*.pdb "$out"/deps/*.deps.json "$out"/deps/*.xml
rm -rf artifacts/module-engine
cp module/Starmap.PowerShell/bin/Release/net10.0/Starmap.PowerShell.dll "$out/"
cp -r module/Starmap/. "$out/"
# MAML help: prose from module/help/<Cmdlet>.psd1, syntax from the built cmdlets (needs the local pwsh tool).
dotnet tool restore >/dev/null
dotnet pwsh -NoProfile -NonInteractive -File build/New-StarmapHelp.ps1 \
    -Module "$PWD/$out/Starmap.psd1" -Source module/help -Output "$out/en-US/Starmap.PowerShell.dll-Help.xml"
echo "module laid out in $out"
dotnet pwsh -NoProfile -NonInteractive -File build/Pack-StarmapModule.ps1 -Module "$PWD/$out" -Output "$PWD/artifacts/packages"
if [ $install = 1 ]; then
    dotnet pwsh -NoProfile -NonInteractive -File build/Install-StarmapModule.ps1 -Repository "$PWD/artifacts/packages"
fi
