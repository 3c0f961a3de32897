#!/usr/bin/env bash
# Flowdeck developer entry point: installs missing Debian packages, builds, runs or tests.
#   ./dev.sh run [PATH]   build and start the GUI (on examples/ unless PATH is given)
#   ./dev.sh test         build and run the whole test suite (what CI runs)
#   ./dev.sh build        build only
#   ./dev.sh golden       rewrite the golden export files (tests/data/golden) after an intended change
#   ./dev.sh bench        the peers benchmark and the internal benchmarks (minutes; not a test)
#   ./dev.sh fuzz [SECS]  the libFuzzer targets, each for SECS seconds (default 600)
#   ./dev.sh stress [N] [CTEST_ARGS...]  the main build's tests (not the long forms) N times (default 5), all cores loaded
#   ./dev.sh package [--install-check]  the Debian package (build/flowdeck_*.deb), checked by lintian;
#                         --install-check also installs it with apt, starts it and removes it again
#   ./dev.sh screenshots  retake the documentation's screenshots (docs/images/en, de) under Xvfb
#   ./dev.sh deps         install missing packages only
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${FLOWDECK_BUILD_DIR:-$here/build}"
asan_build="${FLOWDECK_ASAN_BUILD_DIR:-$here/build-asan}"
fuzz_build="${FLOWDECK_FUZZ_BUILD_DIR:-$here/build-fuzz}"
jobs="${FLOWDECK_JOBS:-$(nproc 2>/dev/null || echo 2)}"

# Packages the build, the tests and the GUI need (Debian 12 names; see ../shared/STACK.md).
packages=(
  g++ cmake ninja-build pkg-config binutils
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-charts-dev qt6-svg-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqscintilla2-qt6-dev
  qt6-translations-l10n  # Qt's own strings (standard buttons, file dialogs) in the GUI's language
  libspdlog-dev libyaml-cpp-dev libgl-dev
  libsqlite3-dev  # the run store's writer uses the sqlite3 C API under QSQLITE for speed
  libyaml-dev  # flow files are parsed with libyaml (core/yaml/YamlRead), four times faster than yaml-cpp
  libical-dev  # RRULE schedules (core/schedule) expand recurrences with libical
  libgraphviz-dev  # the flow editor's auto-layout uses Graphviz's dot layout (gvc + cgraph)
  python3 qt6-qpa-plugins
  libkainjow-mustache-dev  # custom deployment exports render the user's Mustache template
  qtkeychain-qt6-dev  # secret values in the desktop keyring (core/secrets); QtCore + QtDBus only
  dbus-daemon dbus-bin gnome-keyring  # test_cli_secret runs against a private Secret Service
  systemd shellcheck  # export checks: systemd-analyze verify/calendar, shellcheck on install.sh
  python3-yaml  # export checks: prefect.yaml keys against Prefect 3's schema
  clang libclang-rt-14-dev  # fuzz targets: libFuzzer with ASan and UBSan (fuzz/)
  stress-ng  # ./dev.sh stress: the suite repeated with every core loaded (tests/stress.sh)
  help2man  # the man pages are generated from --help at build time (packaging/man)
  lintian desktop-file-utils appstream shared-mime-info man-db file  # tests/packaging checks the .deb
  xvfb xauth  # ./dev.sh screenshots runs the GUI on a virtual display
)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # The export validators (tests/validators) run on Node.js with npm. Most machines of this kind
  # have Node.js 20 from elsewhere, whose npm Debian's would conflict with: take Debian's only
  # when there is no npm at all.
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  if [ ${#missing[@]} -eq 0 ]; then
    say "All ${#packages[@]} required Debian packages are installed"
    return
  fi
  say "Installing missing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}

configure_and_build() {
  local dir="$1"; shift
  # ccache, when installed, makes rebuilds in other clones of the tree cheap (paths relative to it).
  local launcher=()
  if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    export CCACHE_BASEDIR="$here"
  fi
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S "$here" -B "$dir" -G Ninja "${launcher[@]}" "$@"
  fi
  cmake --build "$dir" -j "$jobs"
}

cmd_build() {
  install_missing
  say "Building in $build"
  configure_and_build "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
}

cmd_run() {
  cmd_build
  local target="${1:-$here/examples}"
  say "Starting Flowdeck on $target"
  exec "$build/app/flowdeck" "$target"
}

cmd_test() {
  cmd_build
  say "Running all tests (the long forms of the fault tests: cd build && ctest -L long)"
  (cd "$build" && ctest --output-on-failure -j "$jobs" --timeout 300 -LE long)
  say "Building core with AddressSanitizer + UBSan in $asan_build"
  configure_and_build "$asan_build" -DCMAKE_BUILD_TYPE=Debug -DFLOWDECK_SANITIZE=ON -DFLOWDECK_BUILD_GUI=OFF
  say "Running core and CLI tests under the sanitizers"
  (cd "$asan_build" && ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 \
     ctest --output-on-failure -j "$jobs" -L 'core|cli' --timeout 600)
  run_fuzzers 0
}

# Builds the libFuzzer targets (clang, ASan, UBSan) and runs each on its seeds: for $1 seconds
# at random, or with $1 = 0 a fixed, repeatable set of inputs (the test command's form).
run_fuzzers() {
  say "Building the fuzz targets in $fuzz_build"
  configure_and_build "$fuzz_build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DFLOWDECK_FUZZ=ON -DFLOWDECK_FUZZ_SECONDS="$1"
  cmake "$fuzz_build" -DFLOWDECK_FUZZ_SECONDS="$1" >/dev/null
  if [ "$1" -gt 0 ]; then say "Fuzzing each loader and parser for $1 s"; else say "Fuzzing each loader and parser (fixed inputs)"; fi
  (cd "$fuzz_build" && ctest --output-on-failure -j "$jobs" -L fuzz)
}

cmd_fuzz() {
  install_missing
  run_fuzzers "${1:-600}"
  say "New inputs are kept in $fuzz_build/fuzz/corpus/TARGET; a crash or hang leaves $fuzz_build/fuzz/corpus/fuzz_TARGET-crash-* (or -timeout-*)"
}

# The determinism proof: the suite again and again under stress-ng (tests/stress.sh).
cmd_stress() {
  cmd_build
  local repeats=5
  # N is optional: `./dev.sh stress -R test_serve` repeats that test 5 times.
  if [[ "${1:-}" =~ ^[0-9]+$ ]]; then repeats="$1"; shift; fi
  "$here/tests/stress.sh" "$build" "$repeats" "$@"
}

cmd_package() {
  cmd_build
  say "Building and checking the Debian package"
  "$here/tests/packaging/check-package.sh" "$here" "$build"
  (cd "$build" && cpack -G DEB >/dev/null 2>&1)
  local deb
  deb="$(ls "$build"/flowdeck_*_amd64.deb | head -n 1)"
  say "Package: $deb"
  if [ "${1:-}" = "--install-check" ]; then
    "$here/packaging/install-check.sh" "$deb" "$here"
  fi
}

cmd_golden() {
  cmd_build
  say "Rewriting the golden export files under tests/data/golden (review them with git diff)"
  (cd "$build" && FLOWDECK_UPDATE_GOLDEN=1 ctest --output-on-failure -R 'install_export_validators|test_cli_deploy')
  git -C "$here" status --short -- tests/data/golden
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) cmd_test ;;
  build) cmd_build ;;
  golden) cmd_golden ;;
  package) shift; cmd_package "$@" ;;
  screenshots) cmd_build; exec "$here/tools/screenshots/take.sh" "$build" ;;
  bench) shift; exec "$here/bench/peers/run.sh" "$@" ;;
  fuzz) shift; cmd_fuzz "$@" ;;
  stress) shift; cmd_stress "$@" ;;
  deps) install_missing ;;
  *) sed -n '2,13p' "$0"; exit 2 ;;
esac
