#!/usr/bin/env python3
"""Opens COUNT keep-alive connections to 127.0.0.1:PORT, sends one request on each, then holds them
idle for HOLD seconds (bounded) — the soak half of `make bench`."""
import os, socket, sys, time
port, count, hold = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
sockets = []
for _ in range(count):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
    sockets.append(s)
for s in sockets:
    s.recv(4096)
print(f"holding {len(sockets)} idle connections", flush=True)
time.sleep(hold)
for s in sockets:
    s.close()
