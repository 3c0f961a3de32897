#!/bin/bash
# Regenerates the documentation's screenshots (docs/images/en and docs/images/de) from the real
# application under Xvfb: a copy of examples/ as the workspace, a scratch home (your settings
# and run database are not touched), one pass per language.
#   tools/screenshots/take.sh [BUILD_DIR] [OUT_DIR]      (./dev.sh screenshots)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(realpath "${1:-$here/build}")"
out="$(realpath -m "${2:-$here/docs/images}")"
program="$build/tools/screenshots/flowdeck_screenshots"
[ -x "$program" ] || { echo "no $program: build first (./dev.sh build)"; exit 1; }

for lang in en de; do
  scratch="$(mktemp -d)"
  cp -r "$here/examples" "$scratch/workspace"
  case "$lang" in
    de) locale=de_DE.UTF-8 ;;
    *) locale=en_US.UTF-8 ;;
  esac
  mkdir -p "$out/$lang"
  export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
         XDG_RUNTIME_DIR="$scratch/runtime"
  mkdir -p -m 700 "$XDG_RUNTIME_DIR"
  # A history for the runs browser: earlier runs of three flows (one fails), as the CLI makes them.
  for flow in etl-pipeline data-validation ci-cd-pipeline; do
    (cd "$scratch/workspace" && "$build/app/flowdeck-cli" run "$flow.flow.yaml" --quiet >/dev/null 2>&1) || true
  done
  # Schedules for the Schedules dock, as `schedule add` stores them.
  (cd "$scratch/workspace" &&
   "$build/app/flowdeck-cli" schedule add nightly-etl --flow etl-pipeline.flow.yaml --cron "30 2 * * 1-5" --tz Europe/Berlin &&
   "$build/app/flowdeck-cli" schedule add hourly-checks --flow data-validation.flow.yaml --interval 3600 --tz UTC) >/dev/null
  # The same screen, theme and fonts every time, so a changed picture means a changed UI.
  # LANG alone picks the language: an LC_ALL naming a locale this machine lacks would make every
  # bash task of the pictured runs warn about it in the logs.
  LANG="$locale" LC_ALL= LANGUAGE= QT_QPA_PLATFORM=xcb QT_STYLE_OVERRIDE=Fusion \
    xvfb-run -a -s "-screen 0 1600x1000x24" "$program" "$scratch/workspace" "$out/$lang"
  rm -rf "$scratch"
done
echo "screenshots in $out/en and $out/de"
