#!/usr/bin/env bash
# Saves a screenshot of every page of the web catalog at desktop and phone size (and two in dark mode)
# under docs/screenshots/, for the README. It runs tests/Starmap.Web.Tests' ScreenshotTests: a real silo
# with the default seed and Debian's headless Chromium (installed like test.sh does when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi
mkdir -p docs/screenshots
dotnet build tests/Starmap.Web.Tests -c Release -nologo -clp:NoSummary
STARMAP_SCREENSHOTS="$PWD/docs/screenshots" dotnet test tests/Starmap.Web.Tests -c Release --no-build -nologo \
    --filter "FullyQualifiedName~ScreenshotTests"
ls -l docs/screenshots/*.png
