#!/usr/bin/env python3
"""The two sides of bench/attack.sh besides wrk.

  attack.py slow HOST PORT SECONDS N SPARQL_PATH
      the slow attacker: N connections at a time, each one of: a POST body that never arrives
      (a byte every 2 s), request headers sent a line every 2 s, a download never read, an idle
      keep-alive connection; a connection the server closes is opened again. Prints one JSON line.

  attack.py normal BASE SECONDS PAGES_FILE SPARQL_PATH [CLIENT]
      the normal traffic, at a fixed rate whatever the server does (open loop: a slow answer does
      not slow the next request): 20 pages a second from PAGES_FILE and 4 simple SPARQL queries a
      second to SPARQL_PATH (as CLIENT, X-Forwarded-For). Prints one JSON line with latency
      percentiles, statuses and errors per kind. Every request has a 30 s timeout.
"""
import json, socket, sys, threading, time, urllib.parse, urllib.request
from concurrent.futures import ThreadPoolExecutor

def slow(host, port, seconds, n, sparql_path):
    end = time.time() + seconds
    counts = {"opened": 0, "closed_by_server": 0, "answers": {}}
    lock = threading.Lock()
    kinds = ["body", "headers", "noread", "idle"]

    def one(kind):
        while time.time() < end:
            try:
                s = socket.socket()
                if kind == "noread":
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
                s.settimeout(5)
                s.connect((host, port))
                with lock:
                    counts["opened"] += 1
                if kind == "body":
                    s.sendall(b"POST " + sparql_path.encode() + b" HTTP/1.1\r\nHost: x\r\n"
                              b"X-Forwarded-For: 203.0.113.66\r\n"
                              b"Content-Type: application/sparql-query\r\nContent-Length: 60000\r\n\r\nSELECT")
                elif kind == "headers":
                    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
                elif kind == "noread":
                    s.sendall(b"GET /downloads/tonet.nt HTTP/1.1\r\nHost: x\r\n\r\n")
                s.setblocking(False)
                i = 0
                while time.time() < end:
                    time.sleep(2)
                    i += 1
                    try:
                        if kind == "body":
                            s.send(b"a")
                        elif kind == "headers":
                            s.send(b"X-%d: y\r\n" % i)
                        elif kind == "idle":
                            pass
                        if kind != "noread":
                            data = s.recv(4096)
                            if data == b"":
                                raise ConnectionError()
                            status = data.split(b" ")[1].decode() if data.startswith(b"HTTP/") else "?"
                            with lock:
                                counts["answers"][status] = counts["answers"].get(status, 0) + 1
                            raise ConnectionError()
                        else:
                            # never read; notice a close only through a failing send
                            s.send(b"")
                    except BlockingIOError:
                        continue
                    except (ConnectionError, OSError):
                        with lock:
                            counts["closed_by_server"] += 1
                        break
                s.close()
            except OSError:
                time.sleep(0.5)

    threads = [threading.Thread(target=one, args=(kinds[i % len(kinds)],), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 30)
    print(json.dumps(counts))

def pct(values, p):
    if not values:
        return None
    values = sorted(values)
    k = min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))
    return round(values[k], 1)

def normal(base, seconds, pages_file, sparql_path, client):
    pages = [l.strip() for l in open(pages_file) if l.strip()]
    queries = [
        "ASK {}",
        "PREFIX tonet: <https://w3id.org/tonet/ontology#> PREFIX schema: <http://schema.org/> "
        "SELECT ?s ?d WHERE { ?s a tonet:Symposium ; schema:startDate ?d } ORDER BY ?d",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/tonet/ontology#GeneralAssembly> }",
    ]
    results = {"page": [], "sparql": []}
    statuses = {"page": {}, "sparql": {}}
    errors = {"page": 0, "sparql": 0}
    lock = threading.Lock()

    def fetch(kind, url, data, headers):
        t = time.time()
        try:
            req = urllib.request.Request(url, data=data, headers=headers)
            with urllib.request.urlopen(req, timeout=30) as r:
                r.read()
                status = r.status
        except urllib.error.HTTPError as e:
            status = e.code
        except Exception:
            with lock:
                errors[kind] += 1
            return
        ms = (time.time() - t) * 1000
        with lock:
            results[kind].append(ms)
            statuses[kind][str(status)] = statuses[kind].get(str(status), 0) + 1

    pool = ThreadPoolExecutor(max_workers=200)
    start = time.time()
    i = 0
    # 20 pages and 4 queries a second: one tick every 50 ms, a query every fifth tick.
    while time.time() - start < seconds:
        pool.submit(fetch, "page", base + pages[i % len(pages)], None, {"Accept": "text/html"})
        if i % 5 == 0:
            q = queries[(i // 5) % len(queries)]
            pool.submit(fetch, "sparql", base + sparql_path,
                        urllib.parse.urlencode({"query": q}).encode(),
                        {"Accept": "application/sparql-results+json",
                         "Content-Type": "application/x-www-form-urlencoded",
                         "X-Forwarded-For": client})
        i += 1
        time.sleep(max(0, start + i * 0.05 - time.time()))
    pool.shutdown(wait=True)
    out = {}
    for kind in results:
        v = results[kind]
        out[kind] = {"n": len(v), "p50_ms": pct(v, 50), "p90_ms": pct(v, 90), "p99_ms": pct(v, 99),
                     "max_ms": round(max(v), 1) if v else None, "statuses": statuses[kind],
                     "errors": errors[kind]}
    print(json.dumps(out))

if __name__ == "__main__":
    if sys.argv[1] == "slow":
        slow(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), sys.argv[6])
    elif sys.argv[1] == "normal":
        normal(sys.argv[2], float(sys.argv[3]), sys.argv[4], sys.argv[5],
               sys.argv[6] if len(sys.argv) > 6 else "198.51.100.7")
