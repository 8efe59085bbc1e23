#!/usr/bin/env python3
"""Time per input byte on the open routes (no token), from 1 KiB to 1 MiB: it must stay flat, so that
nothing an anonymous client sends costs more than reading it. Sends bounded requests to 127.0.0.1:PORT
only and prints a Markdown table."""
import http.client, json, sys, time

port = int(sys.argv[1])
routes = [("POST", "/v2/login", "application/json"), ("POST", "/v2/login", "application/x-www-form-urlencoded"),
          ("POST", "/v2/logout/00000000-0000-4000-8000-000000000000", "application/json"), ("GET", "/health", "application/json")]


def body(size, kind):
    if kind == "application/json":  # one object with as many members as fit: the parser's worst case
        members, n, length = [], 0, 2
        while length < size:
            member = '"k%d":1' % n
            members.append(member); n += 1; length += len(member) + 1
        return ("{" + ",".join(members) + "}").encode()
    return ("username=u&" + "x" * max(0, size - 11)).encode()


print("| route | body | mean per request | per KiB | status |")
print("|---|---|---|---|---|")
for method, path, kind in routes:
    for kib in [1, 4, 16, 64, 256, 1000]:
        payload = body(kib * 1024, kind)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        times, status = [], None
        for _ in range(10):
            start = time.perf_counter()
            connection.request(method, path, body=payload, headers={"Content-Type": kind})
            response = connection.getresponse(); response.read()
            times.append(time.perf_counter() - start)
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                connection.close(); connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mean = sorted(times)[len(times) // 2]
        print(f"| {method} {path.split('/00000000')[0]}{'/{token}' if '00000000' in path else ''} ({kind.split('/')[1]}) | {kib} KiB | "
              f"{mean * 1e3:.2f} ms | {mean * 1e6 / kib:.1f} µs | {status} |")
