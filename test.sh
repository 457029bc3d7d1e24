#!/usr/bin/env bash
# Runs every test of HaiHau.InfoBot: unit, transcripts, host (real SQLite, real HTTP) and browser (Debian chromium).
# On a fresh machine it installs chromium first when it can (root + apt), since the browser tests need it.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    echo "The browser tests need Debian's chromium: sudo apt-get install chromium" >&2
  fi
fi

log=$(mktemp)
# The C# compiler server compiles every project in one warm process. Some machines (this one among them) switch it
# off with UseSharedCompilation=false in the environment, so each of the nine projects started and JIT-compiled its own
# compiler: measured 5 Dec on a fresh clone, the test build took 76 and 96 s without the server, 54 and 73 s with it.
# Where the machine had switched it off, the server is shut down at the end, as the machine wanted it.
compiler=(-p:UseSharedCompilation=true)
cleanup() {
  rm -f "$log"
  if [ "${UseSharedCompilation:-}" = "false" ]; then dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
status=0
# Release: the tests spend most of their CPU in our own code (training the question understanding, the engine's
# turns, the hosts), which a Debug build leaves unoptimised by the JIT (issue 15). Measured 4 Dec, Core tests at
# load 9-18: 111 s of CPU in Debug against 74 s in Release. The tests find the host's build in either configuration.
# Built first, then both test projects run at once (--no-build): `dotnet test` on the solution ran them one after the
# other. The benchmarks are no test, but a benchmark that no longer builds fails the run: they are built with the rest
# (the whole solution), where they compile beside the test projects. Built beside the tests instead, as until 6 Dec,
# their compile took some 40 CPU-seconds from tests that keep both cores busy (issue 15, the suite's time); in the
# build they cost about 5 s of its wall time (a fresh clone: 55 s for the tests' projects, 60 s for the solution).
# The compiler runs without tiered PGO. On a fresh machine the compiler server starts cold, and with PGO on (.NET's
# default) the runtime re-JITs the compiler's hot ReadyToRun methods into an instrumented tier before optimising them:
# work a process that lives one build never earns back. Measured 6 Dec on a fresh clone, the server shut down before
# each build: 54 and 62 s with PGO, 40 and 40 s without (41 s with tiered compilation off as well). Only the build
# gets it: the tests' own processes (and the hosts they start) run as the runtime ships.
build_env=(env DOTNET_TieredPGO=0)
"${build_env[@]}" dotnet restore HaiHau.InfoBot.sln 2>&1 | tee "$log" || status=$?
if [ "$status" -eq 0 ]; then
  "${build_env[@]}" dotnet build HaiHau.InfoBot.sln -c Release --no-restore "${compiler[@]}" 2>&1 | tee -a "$log" || status=$?
fi
if [ "$status" -eq 0 ]; then
  dotnet test HaiHau.InfoBot.Tests.slnf -c Release --no-build "$@" 2>&1 | tee -a "$log" || status=$?
fi

# One plain closing line over all test projects: "N passed, N failed".
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "$passed passed, $failed failed"
exit "$status"
