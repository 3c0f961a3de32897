#!/bin/bash
# The packaging checks a Debian packager runs, on this build: the desktop entry, the AppStream
# metainfo, the MIME type, the man pages and the systemd user unit pass their validators; cpack
# builds a .deb that lintian passes with no error or warning; and the programs run from the
# package's own paths (unpacked, so no root and nothing installed on this machine).
#   tests/packaging/check-package.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src="$1"; build="$2"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
step() { echo "== $*"; }
app_id=org.flowdeck.Flowdeck

step "desktop entry"
desktop-file-validate "$src/packaging/$app_id.desktop" || fail "desktop-file-validate"

step "AppStream metainfo"
appstreamcli validate --no-net --explain "$build/packaging/$app_id.metainfo.xml" || fail "appstreamcli validate"

step "MIME type"
mkdir -p "$scratch/mime/packages"
cp /usr/share/mime/packages/freedesktop.org.xml "$scratch/mime/packages/"
cp "$src/packaging/$app_id.mime.xml" "$scratch/mime/packages/$app_id.xml"
update-mime-database "$scratch/mime" || fail "update-mime-database"
grep -q '^60:application/x-flowdeck-flow:\*\.flow\.yaml$' "$scratch/mime/globs2" || fail "*.flow.yaml is not in globs2"

step "Debian package"
# cpack's shlibdeps notes on stderr that a scratch folder is not an XDG data folder: not a finding.
(cd "$build" && cpack -G DEB -B "$scratch/cpack" >"$scratch/cpack.log" 2>&1) || { cat "$scratch/cpack.log"; fail "cpack"; }
deb="$(ls "$scratch"/cpack/flowdeck_*_amd64.deb 2>/dev/null | head -n 1)"
if [ -z "$deb" ]; then
  fail "no .deb built"
  echo "$failures failure(s)"; exit 1
fi
# lintian refuses nothing as root but says so on stderr; only its findings count.
lintian --fail-on error,warning --suppress-tags repeated-path-segment "$deb" 2> >(grep -v 'root privileges' >&2) \
  || fail "lintian"
depends="$(dpkg-deb -f "$deb" Depends)"
for dep in libqt6sql6-sqlite libyaml-0-2 libqt6core6 libqt6widgets6; do
  [[ "$depends" == *"$dep"* ]] || fail "Depends lacks $dep: $depends"
done

step "package contents"
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/flowdeck usr/bin/flowdeck-cli \
         usr/share/applications/$app_id.desktop usr/share/metainfo/$app_id.metainfo.xml \
         usr/share/mime/packages/$app_id.xml usr/share/icons/hicolor/scalable/apps/$app_id.svg \
         usr/share/man/man1/flowdeck.1.gz usr/share/man/man1/flowdeck-cli.1.gz \
         usr/lib/systemd/user/flowdeck-serve@.service usr/share/doc/flowdeck/copyright \
         usr/share/flowdeck/python/flowdeck/__init__.py usr/share/doc/flowdeck/guide/README.md \
         usr/share/doc/flowdeck/images/en/editor.png; do
  [ -e "$root/$f" ] || fail "the package lacks /$f"
done
for size in 16 32 48 128 256; do
  png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
  file "$png" | grep -q "PNG image data, $size x $size" || fail "$png is not a $size×$size PNG"
done

step "man pages"
for page in flowdeck flowdeck-cli; do
  out="$(MANWIDTH=80 man --warnings -l "$root/usr/share/man/man1/$page.1.gz" 2>&1 >"$scratch/$page.txt")" \
    || fail "man $page"
  [ -z "$out" ] || fail "man $page warns: $out"
  grep -q "SYNOPSIS" "$scratch/$page.txt" || fail "man $page has no SYNOPSIS"
done
grep -q "schedule" "$scratch/flowdeck-cli.txt" || fail "man flowdeck-cli does not describe its commands"

step "systemd user unit"
mkdir -p -m 700 "$scratch/runtime"
sed "s#/usr/bin/flowdeck-cli#$root/usr/bin/flowdeck-cli#" "$root/usr/lib/systemd/user/flowdeck-serve@.service" \
  > "$scratch/flowdeck-serve@demo.service"
(cd "$scratch" && XDG_RUNTIME_DIR="$scratch/runtime" MANPATH="$root/usr/share/man" \
   systemd-analyze verify --user "$scratch/flowdeck-serve@demo.service") || fail "systemd-analyze verify"

step "programs from the package's paths"
"$root/usr/bin/flowdeck-cli" --version | grep -qx "flowdeck-cli [0-9.]*" || fail "flowdeck-cli --version"
"$root/usr/bin/flowdeck" --version | grep -q "^Flowdeck [0-9.]*" || fail "flowdeck --version"
# A python task imports the helper package the package installs next to bin/ (not the source tree's).
cat > "$scratch/py.flow.yaml" <<'FLOW'
apiVersion: flowdeck/v1
kind: Flow
name: packaged
tasks:
  hello:
    kind: python
    script: |
      from flowdeck import set_result
      set_result("from the package")
FLOW
env -u FLOWDECK_RESOURCES HOME="$scratch/home" FLOWDECK_DB="$scratch/runs.db" \
  "$root/usr/bin/flowdeck-cli" run "$scratch/py.flow.yaml" --json >"$scratch/run.json" 2>&1 \
  || { cat "$scratch/run.json"; fail "a python flow does not run from the package"; }
grep -q '"from the package"' "$scratch/run.json" || fail "the python task's result did not come through the packaged helper"

step "runner image (packaging/docker/Dockerfile)"
runner="$src/packaging/docker/Dockerfile"
node "$src/tests/validators/lint-dockerfile.mjs" "$runner" || fail "the runner Dockerfile does not lint"
# The packages one stage installs: the indented words of its `apt-get install` list.
stage_packages() { awk -v stage="$2" '/^FROM /{n++} n==stage && /^        [a-z0-9.+-]+ \\$/{print $1}' "$1" | sort; }
stage_packages "$runner" 2 > "$scratch/runner.pkgs"
stage_packages "$src/tests/data/golden/small-docker/Dockerfile" 1 > "$scratch/export.pkgs"
[ -s "$scratch/runner.pkgs" ] || fail "no runtime packages found in $runner"
diff -u "$scratch/export.pkgs" "$scratch/runner.pkgs" \
  || fail "the runner image and a docker export install different runtime packages"
# Every library flowdeck-cli links comes from one of them (or from debian:12-slim itself).
for lib in $(objdump -p "$build/app/flowdeck-cli" | awk '/NEEDED/{print $2}'); do
  # (awk reads to the end rather than exit: an early exit would kill the writer with SIGPIPE.)
  path="$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ && !found {print $NF; found = 1}')"
  # dpkg knows a library by the path its package ships: /usr/lib/... on a merged-/usr system.
  pkg="$( (dpkg -S "$path" || dpkg -S "/usr$path") 2>/dev/null | awk -F: 'NR == 1 {print $1}')"
  case "$pkg" in libc6|libstdc++6|libgcc-s1) continue ;; esac
  grep -qx "$pkg" "$scratch/runner.pkgs" || fail "flowdeck-cli needs $lib ($pkg), which the runner image does not install"
done

if [ "$failures" -gt 0 ]; then
  echo "$failures packaging check(s) failed"
  exit 1
fi
echo "all packaging checks passed"
