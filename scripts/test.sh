#!/usr/bin/env bash
# Installs what the tests need when it is missing (Chromium, PostgreSQL, Redis, CJK and emoji fonts, the aiosmtpd SMTP server: Debian apt),
# starts a throw-away PostgreSQL cluster and a throw-away redis-server on 127.0.0.1, runs every test, and stops both.
# Usage: scripts/test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 LANG=C.UTF-8

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep -qi 'Noto Color Emoji' || need+=(fonts-noto-color-emoji)
# The system python3 (the SMTP tests try it first; a pyenv or venv python3 may not see Debian's packages).
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# A private PostgreSQL cluster: our own data directory, port and socket, owned by the postgres user
# when we are root (initdb refuses to run as root). It stops when this script exits.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_port=${SOCIALSTORE_PG_PORT:-55432}
pg_dir=$(mktemp -d /tmp/socialstore-pg.XXXXXX)
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
stop_pg() { run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
# A private redis-server for the two-node tests (ADR-052): memory only, loopback only, stopped at exit.
redis_port=${SOCIALSTORE_REDIS_PORT:-56379}
redis_dir=$(mktemp -d /tmp/socialstore-redis.XXXXXX)
stop_redis() { [ -f "$redis_dir/redis.pid" ] && kill "$(cat "$redis_dir/redis.pid")" >/dev/null 2>&1 || true; rm -rf "$redis_dir"; }
trap 'stop_pg; stop_redis' EXIT
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
export SOCIALSTORE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
echo "PostgreSQL ready on 127.0.0.1:$pg_port"
redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --protected-mode yes \
  --daemonize yes --dir "$redis_dir" --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log"
for _ in $(seq 50); do redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null || { echo "redis-server did not start:"; cat "$redis_dir/redis.log"; exit 1; }
export SOCIALSTORE_TEST_REDIS="127.0.0.1:$redis_port"
echo "Redis ready on 127.0.0.1:$redis_port"

mkdir -p artifacts
dotnet test SocialStore.Tests --nologo -c Release --logger "console;verbosity=normal" --results-directory artifacts/test-results "$@" 2>&1 | tee artifacts/test-output.log
status=${PIPESTATUS[0]}
summary=$(grep -E '^(Passed!|Failed!|Total tests|     Passed|     Failed|     Skipped)' artifacts/test-output.log | tail -5 || true)
passed=$(grep -oE 'Passed: +[0-9]+' artifacts/test-output.log | tail -1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -oE 'Failed: +[0-9]+' artifacts/test-output.log | tail -1 | grep -oE '[0-9]+' || echo 0)
skipped=$(grep -oE 'Skipped: +[0-9]+' artifacts/test-output.log | tail -1 | grep -oE '[0-9]+' || echo 0)
if [ "$failed" != "0" ]; then
  # The console log is long (the e2e servers log too); repeat each failure with its message at the end, where CI shows it.
  echo "---- failed tests ----"
  grep -E -A 30 '^  Failed SocialStore' artifacts/test-output.log | head -300 || true
  echo "----------------------"
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
