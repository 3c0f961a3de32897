#!/bin/bash
# Starts the GUI under Xvfb on an example flow, presses F5 and saves screenshots of the canvas
# during and after the run. Uses a scratch home, so your settings and run database stay as they are.
#   tests/scripts/run-screenshots.sh [BUILD_DIR] [FLOW] [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$here/build}"
flow="${2:-$here/examples/etl-pipeline.flow.yaml}"
out="${3:-/tmp/flowdeck-shots}"
mkdir -p "$out"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data"
export FLOWDECK_DB="$scratch/runs.db"

xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  "$0" "$1" & app=$!
  for _ in $(seq 100); do xdotool search --name Flowdeck >/dev/null 2>&1 && break; sleep 0.2; done
  sleep 2
  # No window manager: a click on the canvas gives the window the keyboard focus.
  xdotool mousemove 900 600 click 1
  xdotool key ctrl+0   # fit the flow in the view
  sleep 0.5
  import -window root "$2/before.png"
  xdotool key F5
  sleep 1;   import -window root "$2/during-1.png"
  sleep 2;   import -window root "$2/during-2.png"
  sleep 9;   import -window root "$2/after.png"
  kill "$app"; wait "$app" || true
' "$build/app/flowdeck" "$flow" "$out"
echo "screenshots in $out"
"$build/app/flowdeck-cli" runs list --db "$FLOWDECK_DB" || true
