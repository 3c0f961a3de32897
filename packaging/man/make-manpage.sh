#!/bin/sh
# Writes a man page for PROGRAM from its own --help, --version and, for flowdeck-cli, the help of
# every command (so the man page says what the program says, and cannot drift from it).
#   make-manpage.sh PROGRAM NAME SECTION_FILE OUT.1.gz
# SECTION_FILE holds the sections --help lacks (ENVIRONMENT, FILES, SEE ALSO) in help2man's
# include format. The output is gzipped with -n (no timestamp), as Debian wants.
set -eu
program="$1"; name="$2"; sections="$3"; out="$4"
include="$(mktemp)"
trap 'rm -f "$include"' EXIT
cat "$sections" > "$include"
# flowdeck-cli lists its commands under "Commands:"; each gets its own subsection.
commands="$("$program" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }' | grep -v '^help$' || true)"
if [ -n "$commands" ]; then
  printf '[COMMANDS]\n' >> "$include"
  for c in $commands; do
    printf '.SS "%s"\n.nf\n' "$c" >> "$include"
    # Roff reads a leading dot or quote as a request, and a backslash as an escape.
    "$program" help "$c" | sed -e 's/\\/\\e/g' -e 's/^\([.'"'"']\)/\\\&\1/' >> "$include"
    printf '.fi\n' >> "$include"
  done
fi
# help2man names the page after the first word of --version ("Flowdeck 0.1.0"); the command is lower case.
help2man --no-info --no-discard-stderr --name="$name" --include="$include" "$program" \
  | sed -e '/^\.SH NAME$/{n;s/^Flowdeck \\-/flowdeck \\-/}' | gzip -9n > "$out"
