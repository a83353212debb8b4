#!/usr/bin/env python3
"""Attacks from many addresses, and a newcomer measured beside them, for bench/attack.sh (issue 17).
Every socket is bound to an address of 127.0.0.0/8 (all of it is this machine on Linux): the server
sees each address as a client of its own, as it would see the hosts of a botnet. The attackers and
the measured clients run in separate processes, so that the attackers' own work never delays what is
measured; each is one asyncio loop, so that hundreds of connections cost the two cores little.

  many.py attack-queries PORT SPARQL_PATH SECONDS ADDRESSES WORKERS QUERY_FILE...
      ADDRESSES attackers (127.0.0.2 …) each keep WORKERS heavy queries going (QUERY_FILE… in turn,
      each text made new by a numbered comment, POSTed as application/sparql-query), sending the next
      as soon as one is answered, whatever the answer. Prints one JSON line: their statuses.

  many.py newcomers PORT SPARQL_PATH SECONDS PAGES_FILE
      at a fixed rate whatever the server does: two newcomers a second, each from an address never
      seen before (127.0.1.x) with one cheap query of queries/ (made new too, so no kept answer helps
      it), and ten pages a second (127.0.2.1). Prints one JSON line: latencies and statuses.

  many.py attack-connections PORT SECONDS ADDRESSES PER_ADDRESS
      ADDRESSES attackers each hold PER_ADDRESS connections, half of them idle and half sending
      their headers a line every 2 s, and open a new one 50 ms after each the server closes. Prints
      one JSON line: how many were held (sampled twice a second), opened, closed by the server.

  many.py new-clients PORT SECONDS PAGES_FILE
      two new clients a second (127.0.1.x), each fetching a page. Prints one JSON line.

  many.py warm PORT SPARQL_PATH SECONDS PAGES_FILE
      pages and cheap queries from 127.0.3.x for SECONDS (a JIT warm-up that uses none of the
      addresses measured later).

Every request has a timeout (attackers 60 s, newcomers and pages 30 s); every loop ends with its
SECONDS.
"""
import asyncio
import glob
import json
import math
import os
import random
import sys
import time

HOST = "127.0.0.1"
BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUERIES = sorted(glob.glob(os.path.join(BENCH, "..", "queries", "*.rq")))


def attacker(i):
    return "127.0.0.%d" % (2 + i)


def newcomer(i):
    # 127.0.1.1 … 127.0.1.254, then 127.0.4.x …: each used once in a run.
    return "127.0.%d.%d" % (1 if i < 254 else 4 + (i - 254) // 254, 1 + i % 254)


def post(path, query):
    body = query.encode("utf-8")
    return (
        b"POST " + path.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/sparql-query\r\n"
        b"Accept: application/sparql-results+json, application/n-triples;q=0.9\r\n"
        b"Connection: close\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )


def get(path):
    return (
        b"GET " + path.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
        b"Accept-Encoding: gzip\r\nConnection: close\r\n\r\n"
    )


async def exchange(port, local, request, timeout):
    """One request on a new connection from `local`, read until the server closes: its status (an
    int), or why there was none ("timeout", "reset", "refused"), and the seconds it took."""
    start = time.monotonic()

    async def run():
        reader, writer = await asyncio.open_connection(HOST, port, local_addr=(local, 0))
        try:
            writer.write(request)
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            while await reader.read(65536):
                pass
            return status
        finally:
            writer.close()

    try:
        status = await asyncio.wait_for(run(), timeout)
    except asyncio.TimeoutError:
        status = "timeout"
    except ConnectionRefusedError:
        status = "refused"
    except (ConnectionError, asyncio.IncompleteReadError, OSError, ValueError, IndexError):
        status = "reset"
    return status, time.monotonic() - start


def pct(values, p):
    """The nearest-rank percentile."""
    if not values:
        return None
    values = sorted(values)
    k = max(0, math.ceil(p / 100.0 * len(values)) - 1)
    return round(values[k], 1)


def figures(samples):
    """samples: (status, seconds) pairs → n, statuses, and latency of the answered ones in ms."""
    ms = [s * 1000 for st, s in samples if isinstance(st, int)]
    statuses = {}
    for st, _ in samples:
        statuses[str(st)] = statuses.get(str(st), 0) + 1
    return {
        "n": len(samples),
        "statuses": statuses,
        "p50_ms": pct(ms, 50),
        "p95_ms": pct(ms, 95),
        "max_ms": round(max(ms), 1) if ms else None,
    }


def cheap(i):
    with open(QUERIES[i % len(QUERIES)], encoding="utf-8") as f:
        return f.read() + "\n# newcomer %d %d\n" % (i, random.randrange(10**9))


async def every(seconds, rate, make):
    """Starts make(i) `rate` times a second for `seconds`, whatever the server does (open loop)."""
    tasks = []
    start = time.monotonic()
    i = 0
    while time.monotonic() - start < seconds:
        tasks.append(asyncio.ensure_future(make(i)))
        i += 1
        await asyncio.sleep(max(0, start + i / rate - time.monotonic()))
    return await asyncio.gather(*tasks)


def pages_of(pages_file):
    return [l.strip() for l in open(pages_file) if l.strip()]


async def attack_queries(port, path, seconds, addresses, workers, query_files):
    heavy = [open(f, encoding="utf-8").read() for f in query_files]
    attack = []
    end = time.monotonic() + seconds
    sent = [random.randrange(10**6) * 10**6]

    async def worker(address):
        while time.monotonic() < end:
            sent[0] += 1
            text = heavy[sent[0] % len(heavy)] + "\n# %d\n" % sent[0]
            status, s = await exchange(port, address, post(path, text), 60)
            attack.append((status, s))
            if not isinstance(status, int):
                await asyncio.sleep(0.05)

    await asyncio.gather(
        *[worker(attacker(a)) for a in range(addresses) for _ in range(workers)]
    )
    return {"addresses": addresses, "workers": workers, "attack": figures(attack)}


async def newcomers(port, path, seconds, pages_file):
    pages = pages_of(pages_file)
    queries_, pages_ = await asyncio.gather(
        every(seconds, 2, lambda i: exchange(port, newcomer(i), post(path, cheap(i)), 30)),
        every(seconds, 10, lambda i: exchange(port, "127.0.2.1", get(pages[i % len(pages)]), 30)),
    )
    return {"newcomer": figures(queries_), "page": figures(pages_)}


async def attack_connections(port, seconds, addresses, per_address):
    end = time.monotonic() + seconds
    held = {"open": 0, "opened": 0, "closed_by_server": 0, "failed": 0}
    counts = []

    async def hold(address, slow):
        while time.monotonic() < end:
            try:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection(HOST, port, local_addr=(address, 0)), 10
                )
            except (OSError, asyncio.TimeoutError):
                held["failed"] += 1
                await asyncio.sleep(0.2)
                continue
            held["opened"] += 1
            held["open"] += 1
            try:
                if slow:
                    writer.write(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                i = 0
                while time.monotonic() < end:
                    try:
                        data = await asyncio.wait_for(reader.read(4096), 2)
                        if not data:
                            held["closed_by_server"] += 1
                            break
                    except asyncio.TimeoutError:
                        pass
                    if slow:
                        i += 1
                        writer.write(b"X-%d: y\r\n" % i)
            except (ConnectionError, OSError):
                held["closed_by_server"] += 1
            finally:
                held["open"] -= 1
                writer.close()
            await asyncio.sleep(0.05)

    async def count():
        # How many the flood holds, twice a second after the first five seconds.
        await asyncio.sleep(min(5, seconds / 6))
        while time.monotonic() < end - 0.5:
            counts.append(held["open"])
            await asyncio.sleep(0.5)

    await asyncio.gather(
        count(),
        *[hold(attacker(a), c % 2 == 1) for a in range(addresses) for c in range(per_address)],
    )
    return {
        "addresses": addresses,
        "per_address": per_address,
        "flood": dict(
            held,
            open_min=min(counts) if counts else None,
            open_max=max(counts) if counts else None,
        ),
    }


async def new_clients(port, seconds, pages_file):
    pages = pages_of(pages_file)
    samples = await every(
        seconds, 2, lambda i: exchange(port, newcomer(i), get(pages[i % len(pages)]), 30)
    )
    return {"page": figures(samples)}


async def warm(port, path, seconds, pages_file):
    pages = pages_of(pages_file)
    await asyncio.gather(
        every(seconds, 20, lambda i: exchange(port, "127.0.3.%d" % (1 + i % 200), get(pages[i % len(pages)]), 30)),
        every(seconds, 4, lambda i: exchange(port, "127.0.3.%d" % (1 + i % 200), post(path, cheap(i)), 30)),
    )
    return {}


def main():
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "attack-queries":
        port, path, seconds, addresses, workers = args[:5]
        result = attack_queries(
            int(port), path, float(seconds), int(addresses), int(workers), args[5:]
        )
    elif mode == "newcomers":
        port, path, seconds, pages_file = args
        result = newcomers(int(port), path, float(seconds), pages_file)
    elif mode == "attack-connections":
        port, seconds, addresses, per = args
        result = attack_connections(int(port), float(seconds), int(addresses), int(per))
    elif mode == "new-clients":
        port, seconds, pages_file = args
        result = new_clients(int(port), float(seconds), pages_file)
    elif mode == "warm":
        port, path, seconds, pages_file = args
        result = warm(int(port), path, float(seconds), pages_file)
    else:
        sys.exit("many.py attack-queries|newcomers|attack-connections|new-clients|warm …")
    print(json.dumps(asyncio.run(result)))


if __name__ == "__main__":
    main()
