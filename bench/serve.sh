#!/usr/bin/env bash
# The desk's benchmark: `jixiao serve` on a free loopback port, and N
# uploads (default 200) of a filled 自评表 from C concurrent clients
# (default 20), each with its own browser session — once asking for the
# review only (work=check), once for the full report (work=report). Prints
# requests per second, latency percentiles, every answer checked against
# `jixiao score`'s total, and the server's peak memory (VmHWM).
# Usage: bash bench/serve.sh [N] [C] [BIN]   (BIN default build/jixiao)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
clients=${2:-20}
bin=${3:-build/jixiao}
[ -x "$bin" ] || { echo "bench/serve.sh: $bin not built (cmake --build build)" >&2; exit 2; }
work=$(mktemp -d /tmp/jixiao-serve-bench.XXXXXX)
server=
cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A filled 自评表: the one `report` writes for the bundled self-evaluation case.
"$bin" report inputs/yaohai-2023 -o "$work/out" >/dev/null
form="$work/out/yaohai-2023/自评表.xlsx"
total=$("$bin" score "$form" --json | python3 -c 'import json,sys; print("%.2f" % json.load(sys.stdin)["total"])')

"$bin" serve --port 0 --data "$work" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do grep -q 'http://' "$work/serve.log" && break; sleep 0.1; done
url=$(grep -oE 'http://[0-9.]+:[0-9]+/' "$work/serve.log" | head -1)
echo "server: $url (pid $server)"

status=0
python3 - "$url" "$form" "$n" "$clients" "$total" <<'PY' || status=$?
import http.client, json, re, statistics, sys, threading, time, urllib.parse

url, form, n, clients, total = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
u = urllib.parse.urlparse(url)
data = open(form, 'rb').read()

def session():
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
    c.request('GET', '/')
    r = c.getresponse()
    r.read()
    cookie = r.getheader('Set-Cookie').split(';')[0]
    return c, cookie, cookie.split('=', 1)[1]

def body(work):
    b = '----jixiaobench'
    parts = [f'--{b}\r\nContent-Disposition: form-data; name="work"\r\n\r\n{work}\r\n'.encode(),
             f'--{b}\r\nContent-Disposition: form-data; name="files"; filename="自评表.xlsx"\r\n'
             f'Content-Type: application/octet-stream\r\n\r\n'.encode() + data + b'\r\n',
             f'--{b}--\r\n'.encode()]
    return b''.join(parts), b

def run(work):
    payload, boundary = body(work)
    latencies, wrong, lock = [], [], threading.Lock()
    todo = list(range(n))
    def client():
        c, cookie, token = session()
        while True:
            with lock:
                if not todo:
                    return
                todo.pop()
            t0 = time.perf_counter()
            c.request('POST', '/api/upload', payload, {
                'Content-Type': f'multipart/form-data; boundary={boundary}', 'Cookie': cookie,
                'X-Jixiao-Token': token, 'Origin': url.rstrip('/')})
            r = c.getresponse()
            text = r.read()
            dt = time.perf_counter() - t0
            ok = r.status == 200
            if ok:
                res = json.loads(text)['results'][0]
                ok = not res['refused'] and (work == 'check' or res['total'] == total)
            with lock:
                latencies.append(dt)
                if not ok:
                    wrong.append(r.status)
    start = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads: t.start()
    for t in threads: t.join()
    wall = time.perf_counter() - start
    q = statistics.quantiles(sorted(latencies), n=100)
    print(f'{work:7} {n} uploads, {clients} clients: {n / wall:6.1f} req/s   '
          f'p50 {q[49]*1000:6.0f} ms  p90 {q[89]*1000:6.0f} ms  p99 {q[98]*1000:6.0f} ms  '
          f'max {max(latencies)*1000:6.0f} ms   wrong {len(wrong)}')
    return len(wrong)

bad = run('check') + run('report')
sys.exit(1 if bad else 0)
PY
grep VmHWM "/proc/$server/status" | sed 's/^/server peak memory: /'
exit $status
