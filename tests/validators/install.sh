#!/usr/bin/env bash
# Installs the export validators pinned by package-lock.json (npm ci), unless node_modules
# already holds exactly that lock. Run by ctest as the fixture of the export tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
command -v npm >/dev/null || { echo "npm is needed for the export validators (node 20 or later)" >&2; exit 1; }
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
   && node -e 'const a=require("./package-lock.json").packages, b=require("./node_modules/.package-lock.json").packages;
               for (const k of Object.keys(a)) if (k && (!b[k] || b[k].version !== a[k].version)) process.exit(1)'; then
  echo "validators already installed"
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
