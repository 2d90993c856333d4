#!/usr/bin/env bash
# Peak memory of `inclusion serve` under a few large bodies at once (issue 22, benchmarks/README.md):
# 4 transition checks of 48 MiB and 4 validations of one 60 MiB line, all at the same time, on loopback.
# Usage: benchmarks/http-memory/run.sh <folder holding inclusion.dll>
set -euo pipefail
bin=${1:?folder holding inclusion.dll}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import sys, os
work = sys.argv[1]
event = '{"on":"2013-01-20","type":"phase-started","phase":"preparation"},'
head = '{"participant":"p-1","program":"eskilstuna-romane-bucha","events":[{"on":"2013-01-02","type":"referred"},'
n = (48 << 20) // len(event)
with open(os.path.join(work, "check.json"), "w") as f:
    f.write('{"record":' + head + event * n + '{"on":"2013-01-10","type":"assessed","eligible":true}]},"event":{"on":"2013-01-20","type":"enrolled"}}')
n = (60 << 20) // len(event)
with open(os.path.join(work, "line.ndjson"), "w") as f:
    f.write(head + event * n + '{"on":"2013-01-10","type":"assessed","eligible":true}]}\n')
PY
DOTNET_EnableDiagnostics=0 dotnet "$bin/inclusion.dll" serve --urls http://127.0.0.1:0 > "$work/out" 2>&1 &
pid=$!
for _ in $(seq 1 100); do grep -q listening "$work/out" && break; sleep 0.2; done
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/out" | head -1)
[ -n "$url" ] || url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/out" | head -1)
before=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
for i in 1 2 3 4; do
  curl -s -o "$work/c$i" -w 'check %{http_code}\n' -H 'Content-Type: application/json' --data-binary @"$work/check.json" "$url/transitions/check?asOf=2014-01-01" &
  curl -s -o "$work/v$i" -w 'validate %{http_code}\n' -H 'Content-Type: application/x-ndjson' --data-binary @"$work/line.ndjson" "$url/validate?asOf=2014-01-01" &
done
wait $(jobs -p | grep -v "^$pid$") 2>/dev/null || true
sleep 1
echo "rss at start: $((before / 1024)) MiB; peak rss: $(( $(awk '/VmHWM/ {print $2}' /proc/$pid/status) / 1024 )) MiB; after: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MiB"
