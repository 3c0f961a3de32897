#!/bin/bash
# Starts the GUI under Xvfb on a scratch workspace with three schedules (two declared in
# flowdeck.yaml, one added with the CLI), shows the Schedules dock and the schedule form, and
# saves screenshots. Uses a scratch home, so your settings and run database stay as they are.
#   tests/scripts/schedule-screenshots.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$here/build}"
out="${2:-/tmp/flowdeck-shots}"
mkdir -p "$out"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data"
export FLOWDECK_TRUST_FILE="$scratch/trusted"
ws="$scratch/reports"
mkdir -p "$ws"
cp "$here/examples/etl-pipeline.flow.yaml" "$ws/etl.flow.yaml"
cat > "$ws/flowdeck.yaml" <<'YAML'
# Nightly reporting workspace
settings:
  database: runs.db

schedules:
  - name: nightly-etl
    flow: etl.flow.yaml
    cron_expression: "30 2 * * *"   # after the backups
    timezone: Europe/Berlin
    catchup: latest
  - name: weekly-summary
    flow: etl.flow.yaml
    rrule: FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=9;BYMINUTE=0
    anchor: 2026-01-05T09:00
    timezone: America/New_York
YAML
echo "$ws" > "$FLOWDECK_TRUST_FILE"
(cd "$ws" && "$build/app/flowdeck-cli" schedule add hourly-sync --flow etl.flow.yaml --interval 3600 --tz UTC >/dev/null)

xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  "$0" "$1" & app=$!
  for _ in $(seq 100); do xdotool search --name Flowdeck >/dev/null 2>&1 && break; sleep 0.2; done
  sleep 2
  xdotool mousemove 900 400 click 1
  xdotool mousemove 330 863 click 1   # the Schedules tab under the canvas
  sleep 1
  import -window root "$2/schedules-dock.png"
  kill "$app"; wait "$app" || true
' "$build/app/flowdeck" "$ws/etl.flow.yaml" "$out"
# The dock and the form on their own, drawn by the test binary on the same display (QWidget::grab()).
FLOWDECK_SCREENSHOT_DIR="$out" QT_QPA_PLATFORM=xcb FLOWDECK_CLI="$build/app/flowdeck-cli" \
  xvfb-run -a -s "-screen 0 1600x1000x24" "$build/tests/ui/test_schedules_panel" screenshots >/dev/null
echo "screenshots in $out"
