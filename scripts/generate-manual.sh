#!/usr/bin/env bash
# Regenerates docs/mekong.1 from the argument parser (ArgumentParser's GenerateManual plugin).
set -euo pipefail
cd "$(dirname "$0")/.."
swift package --allow-writing-to-package-directory generate-manual --configuration debug --date 2026-12-01 \
    --authors "Mekong developers" >/dev/null
cp .build/plugins/GenerateManual/outputs/mekong/mekong.1 docs/mekong.1
echo "docs/mekong.1 written"
