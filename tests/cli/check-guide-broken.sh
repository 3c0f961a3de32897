#!/bin/bash
# The user guide's troubleshooting chapter quotes what `flowdeck-cli validate` prints for each
# file of docs/guide/broken/; NAME.expected holds those lines. This fails when a message
# changes (update the .expected file and the chapter together) or when the chapter no longer
# quotes a line of an .expected file.
# Usage: check-guide-broken.sh FLOWDECK_CLI BROKEN_DIR CHAPTER
set -u
cli=$1 dir=$2 chapter=$(realpath -- "$3")
[ -f "$chapter" ] || { echo "no chapter $3"; exit 1; }
status=0
cd "$dir" || exit 1
for flow in *.flow.yaml; do
  expected=${flow%.flow.yaml}.expected
  actual=$("$cli" validate "$flow" 2>&1 >/dev/null)
  rc=$?
  if [ "$rc" -ne 1 ]; then
    echo "$flow: validate exited $rc, expected 1 (problems found)"
    status=1
  fi
  if ! diff -u "$expected" <(printf '%s\n' "$actual"); then
    echo "$flow: the messages differ from $expected"
    status=1
  fi
  while IFS= read -r line; do
    if ! grep -qF -- "$line" "$chapter"; then
      echo "$chapter does not quote: $line"
      status=1
    fi
  done < "$expected"
done
exit $status
