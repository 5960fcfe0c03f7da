#!/usr/bin/env bash
# Lays out the PowerShell module so `Import-Module artifacts/module/Starmap` works as it is:
#   artifacts/module/Starmap/  manifest, formats, help, Starmap.PowerShell.dll (the cmdlets)
#   artifacts/module/Starmap/deps/  the Engine and its dependencies (Orleans, Microsoft.Extensions.*),
#                                   loaded into the module's private AssemblyLoadContext
# Usage: build/module.sh [--no-build]   (--no-build: the Release build of the solution already ran)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--no-build" ]; then
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
