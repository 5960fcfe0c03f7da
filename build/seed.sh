#!/usr/bin/env bash
# Regenerates the built-in catalog, src/Starmap.Catalog/Seed/catalog.json.gz (embedded in Starmap.Catalog),
# from a models.dev api.json and the curated catalog src/Starmap.Catalog/Seed/catalog.json.
# Usage: build/seed.sh [FILE|URL] [--recorded YYYY-MM-DD]
#   FILE|URL   a models.dev api.json (default: the live https://models.dev/api.json, which needs a network)
#   --recorded the snapshot's date (default: the newest last_updated in it)
# Prints the counts and every record skipped or value refused; exits 1 with one line when an input cannot be read.
# The shipped seed was made with: build/seed.sh ../shared/fixtures/models.dev/api.json
set -euo pipefail
cd "$(dirname "$0")/.."

source="https://models.dev/api.json"
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
    source="$1"
    shift
fi
dotnet build build/Starmap.SeedTool -c Release -nologo -clp:NoSummary -v q
dotnet build/Starmap.SeedTool/bin/Release/net10.0/Starmap.SeedTool.dll \
    --models-dev "$source" --curated src/Starmap.Catalog/Seed/catalog.json --out src/Starmap.Catalog/Seed/catalog.json.gz "$@"
