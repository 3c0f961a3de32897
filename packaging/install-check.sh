#!/bin/bash
# Installs the .deb on this machine as a user would (apt install ./flowdeck_*.deb), starts both
# programs from the installed paths, opens a flow through its MIME type with xdg-open under Xvfb
# (a screenshot is kept), then removes the package and checks that nothing of it is left.
# Needs root or sudo; changes this machine's /usr while it runs. ./dev.sh package --install-check
#   packaging/install-check.sh DEB SOURCE_DIR [OUT_DIR]
set -euo pipefail
deb="$(realpath "$1")"; src="$2"; out="${3:-/tmp/flowdeck-install-check}"
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
mkdir -p "$out"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# What this check drives the desktop with (not needed by the package itself).
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq xvfb xauth xdotool imagemagick xdg-utils procps >/dev/null

say "apt install $deb"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$deb" >/dev/null
dpkg -L flowdeck > "$scratch/files"

say "flowdeck-cli from /usr/bin"
/usr/bin/flowdeck-cli --version
(cd "$scratch" && FLOWDECK_DB="$scratch/runs.db" /usr/bin/flowdeck-cli run "$src/examples/hello.flow.yaml" --quiet)
man -w flowdeck-cli >/dev/null

say "flowdeck through the MIME type (xdg-open under Xvfb)"
[ "$(xdg-mime query filetype "$src/examples/hello.flow.yaml")" = application/x-flowdeck-flow ]
[ "$(xdg-mime query default application/x-flowdeck-flow)" = org.flowdeck.Flowdeck.desktop ]
cp "$src/examples/hello.flow.yaml" "$scratch/"
HOME="$scratch/home" xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
  xdg-open "$0/hello.flow.yaml" &  # without a desktop session xdg-open waits for the program
  for _ in $(seq 100); do pgrep -x flowdeck >/dev/null && xdotool search --name "hello" >/dev/null 2>&1 && break; sleep 0.2; done
  sleep 2
  import -window root "$1/xdg-open.png"
  pgrep -a -x flowdeck | grep -q "^[0-9]* /usr/bin/flowdeck .*hello.flow.yaml"
  pkill -x flowdeck
' "$scratch" "$out"
echo "screenshot: $out/xdg-open.png"

say "apt remove flowdeck"
DEBIAN_FRONTEND=noninteractive $sudo apt-get remove -y -qq flowdeck >/dev/null
left=0
while read -r f; do
  if [ -f "$f" ]; then echo "left behind: $f"; left=1; fi
done < "$scratch/files"
[ "$(xdg-mime query filetype "$src/examples/hello.flow.yaml")" != application/x-flowdeck-flow ] || { echo "MIME type left behind"; left=1; }
[ "$left" -eq 0 ]
say "installed, started, opened through its MIME type and removed cleanly"
