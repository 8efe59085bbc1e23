#!/usr/bin/env python3
"""Crash safety (issue 6): SIGKILL the server while 32 clients place orders, restart it, and check
that every order that got a 200 exists, none exists twice, PRAGMA integrity_check is ok, and
interfaces and VLANs are consistent. `make test` runs ROUNDS=2; `make crash-test` runs 20.
Traffic goes to 127.0.0.1 only; every request has a time-out and every round is bounded.
"""
import http.client, json, os, random, signal, sqlite3, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("BIN", os.path.join(ROOT, ".build", "debug", "megaport-server"))
ROUNDS = int(os.environ.get("ROUNDS", "2"))
CLIENTS = 32

def start(db, log):
    server = subprocess.Popen([BIN, "serve", "--port", "0", "--db", db, "--schema-dir", os.path.join(ROOT, "Schema"),
                               "--provisioning-delay-ms", "0", "--log-level", "warning"], stdout=log, stderr=subprocess.STDOUT)
    for _ in range(200):
        with open(log.name) as f:
            for line in f:
                if '"msg":"listening"' in line:
                    port = json.loads(line)["port"]
                    if port_alive(port):
                        return server, port
        time.sleep(0.05)
    server.kill()
    sys.exit("the server did not start")

def port_alive(port):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        c.request("GET", "/health")
        return c.getresponse().status == 200
    except OSError:
        return False

def client(port, token, ports, stop, acked, lock, worker):
    n = 0
    while not stop.is_set():
        n += 1
        name = f"crash-{worker}-{n}-{random.random()}"
        if n % 2:
            body = {"productType": "MEGAPORT", "serviceName": name, "megaPortProvItem": {"speed": 1000, "location_id": random.choice([1, 2, 3, 10])}}
            path = "/secure/ecommerce/megaport/order"
        else:
            body = {"payerMegaPortNsId": ports[0], "nonPayerMegaPortNsId": ports[1], "payerVlanId": 0, "nonPayerVlanId": 0, "speed": 10,
                    "serviceName": name}
            path = "/secure/ecommerce/vxc/order"
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("POST", path, json.dumps(body), {"Content-Type": "application/json", "X-Auth-Token": token})
            r = c.getresponse()
            data = r.read()
            if r.status == 200:
                with lock:
                    acked.append(name)
        except (OSError, http.client.HTTPException):
            time.sleep(0.01)  # the server is gone: keep trying until the round stops

def check(db, acked):
    conn = sqlite3.connect(db)
    problems = []
    if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        problems.append("integrity_check failed")
    names = dict(conn.execute("SELECT name, count(*) FROM services WHERE name LIKE 'crash-%' GROUP BY name").fetchall())
    lost = [n for n in acked if n not in names]
    twice = [n for n, c in names.items() if c > 1]
    if lost: problems.append(f"{len(lost)} acknowledged orders lost, e.g. {lost[:3]}")
    if twice: problems.append(f"{len(twice)} orders stored twice")
    queries = {
        "interface allocated twice": "SELECT count(*) - count(DISTINCT interface_id) FROM services WHERE interface_id IS NOT NULL",
        "VLAN used twice on a port": "SELECT count(*) FROM (SELECT port_id, vlan FROM vlan_assignments WHERE active = 1 GROUP BY 1, 2 HAVING count(*) > 1)",
        "ready port without interface": "SELECT count(*) FROM services WHERE product_type = 'MEGAPORT' AND provisioning_status IN ('CONFIGURED', 'LIVE') AND interface_id IS NULL",
        "VXC without its VLANs": "SELECT count(*) FROM services s WHERE product_type = 'VXC' AND provisioning_status IN ('CONFIGURED', 'LIVE', 'PROVISIONING') AND (SELECT count(*) FROM vlan_assignments v WHERE v.service_id = s.id AND v.active = 1) <> 2",
        "VXC without its order row": "SELECT count(*) FROM services s WHERE product_type = 'VXC' AND NOT EXISTS (SELECT 1 FROM vxc_orders o WHERE o.service_id = s.id)",
        "service without its audit event": "SELECT count(*) FROM services s WHERE name LIKE 'crash-%' AND NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity = 'service' AND a.entity_id = s.id AND a.action = 'order')",
    }
    for label, sql in queries.items():
        count = conn.execute(sql).fetchone()[0]
        if count:
            problems.append(f"{label}: {count}")
    conn.close()
    return problems

def main():
    work = tempfile.mkdtemp(prefix="crash-")
    db = os.path.join(work, "crash.sqlite")
    demo = json.loads(subprocess.run([BIN, "demo", "--json", "--db", db, "--schema-dir", os.path.join(ROOT, "Schema")],
                                     check=True, capture_output=True, text=True, timeout=120).stdout)
    token = demo["tokens"]["admin@acme.example"]
    ports = [demo["ports"]["The MEGAPORT at Global Switch"], demo["ports"]["The MEGAPORT at Global Switch"]]
    acked, lock = [], threading.Lock()
    passed = failed = 0
    for round_number in range(1, ROUNDS + 1):
        log = open(os.path.join(work, f"server-{round_number}.log"), "w")
        server, port = start(db, log)
        stop = threading.Event()
        threads = [threading.Thread(target=client, args=(port, token, ports, stop, acked, lock, w), daemon=True) for w in range(CLIENTS)]
        for t in threads: t.start()
        time.sleep(random.uniform(0.5, 1.5))
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=10)
        stop.set()
        for t in threads: t.join(timeout=10)
        problems = check(db, list(acked))
        if problems:
            failed += 1
            print(f"round {round_number}: FAIL {problems}")
        else:
            passed += 1
            print(f"round {round_number}: ok ({len(acked)} acknowledged orders so far, all present once)")
    print(f"crash rounds: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)

if __name__ == "__main__":
    main()
