#!/usr/bin/env bash
# Page benchmarks (docs/benchmarks.md): p95 server time and throughput of pages under 32 concurrent
# clients, each as a ratio to the same server sending a static file of the same size.
# Usage: scripts/bench.sh [data-dir]   (seeds the large data set into data-dir on first use)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-/tmp/socialstore-bench}
port=${BENCH_PORT:-5099}
duration=${BENCH_DURATION:-15s}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
mkdir -p "$data/static"
[ -n "${BENCH_SKIP_PUBLISH:-}" ] || dotnet publish SocialStore.Web -c Release -o "$data/app" -v q -nologo >/dev/null
export Database__Provider=${BENCH_PROVIDER:-Sqlite}
export ConnectionStrings__SocialStore=${BENCH_CONNECTION:-"Data Source=$data/socialstore.db"}
export Media__Root="$data/media" Seed__OnStartup=false Benchmark__StaticRoot="$data/static" ASPNETCORE_ENVIRONMENT=Production
export App__PublicOrigin="http://127.0.0.1:$port" # required outside Development (ADR-067)
# BENCH_CACHE=false measures every render (the output cache for signed-out pages is on by default).
export Caching__AnonymousPages=${BENCH_CACHE:-true}
if [ ! -f "$data/seeded" ]; then
  start=$(date +%s)
  (cd "$data/app" && dotnet SocialStore.Web.dll seed --scale large)
  echo "large seed: $(( $(date +%s) - start )) s" | tee "$data/seeded"
fi
(cd "$data/app" && exec dotnet SocialStore.Web.dll --urls "http://127.0.0.1:$port") > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for i in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
base="http://127.0.0.1:$port"
note=$(curl -s "$base/" | grep -o 'href="/notes/[0-9]*"' | head -1 | grep -o '[0-9]*')
product=$(curl -s "$base/shop" | grep -o 'href="/products/[0-9]*"' | head -1 | grep -o '[0-9]*')
handle=$(curl -s "$base/notes/$note" | grep -o 'href="/u/[a-z0-9_]*"' | head -1 | sed 's|href="/u/||; s|"||')
cat > "$data/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
run() { # name url
  curl -s -o "$data/static/$1.html" "$2"
  local size; size=$(stat -c %s "$data/static/$1.html")
  wrk -t2 -c32 -d5s "$2" >/dev/null 2>&1 # warm-up
  local page; page=$(wrk -t2 -c32 -d"$duration" -s "$data/p95.lua" "$2" | grep RESULT)
  local static; static=$(wrk -t2 -c32 -d"$duration" -s "$data/p95.lua" "$base/bench-static/$1.html" | grep RESULT)
  echo "$1 bytes=$size PAGE $page | STATIC $static"
}
echo "machine: $(nproc) cores, $(uname -r); provider: $Database__Provider; page cache: $Caching__AnonymousPages"
run discover "$base/"
run note "$base/notes/$note"
run topic "$base/topics/%E6%8A%A4%E8%82%A4"
[ -n "$handle" ] && run profile "$base/u/$handle"
run shop "$base/shop"
[ -n "$product" ] && run product "$base/products/$product"
