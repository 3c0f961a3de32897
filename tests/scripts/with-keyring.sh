#!/usr/bin/env bash
# Runs a command with a desktop keyring of its own: a private D-Bus session bus and an unlocked
# gnome-keyring (Secret Service), in a throwaway HOME, so keyring tests never touch the user's.
#   tests/scripts/with-keyring.sh COMMAND [ARGS...]
set -euo pipefail
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" XDG_DATA_HOME="$scratch/home/.local/share"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS
exec dbus-run-session -- bash -c '
  # --unlock reads the new login keyring'\''s password from stdin: an empty-ish throwaway one.
  printf "flowdeck-test" | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
  for _ in $(seq 100); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.ListNames 2>/dev/null \
      | grep -q org.freedesktop.secrets && break
    sleep 0.1
  done
  exec "$@"' with-keyring "$@"
