"""Several nodes on one PostgreSQL database (issue: running several nodes), tested as an operator runs
them: three `serve` processes on the database named by CLUSTER_DB, a mail relay (aiosmtpd, in the
project's virtual environment) they all send through, and the cluster script's halt/resume for an
outage. Each check prints ok/FAIL; the last line is "cluster: N passed, M failed".

  CLUSTER_DB   a postgres:// URL of an empty database (make test creates one on its throwaway server)
  CLUSTER_DIR  that server's directory, for scripts/pg_cluster.sh halt/resume
"""
import concurrent.futures as futures
import json, os, signal, socket, subprocess, sys, tempfile, threading, time, urllib.error, urllib.request

from aiosmtpd.controller import Controller

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("BIN", os.path.join(ROOT, ".build", "debug", "megaport-server"))
DB, PG_DIR = os.environ["CLUSTER_DB"], os.environ["CLUSTER_DIR"]
COMMON = ["--db", DB, "--schema-dir", os.path.join(ROOT, "Schema")]
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + ("" if ok else f": {detail}"), flush=True)


def call(base, method, path, token=None, body=None, headers=None, timeout=15):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    if token: request.add_header("X-Auth-Token", token)
    if body is not None: request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items(): request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        text = error.read()
        return error.code, json.loads(text) if text.strip() else None
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        return 0, str(error)


class Relay:
    """A plain SMTP relay on loopback that keeps every message it accepts."""
    def __init__(self):
        self.messages, relay = [], self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                relay.messages.append((tuple(envelope.rcpt_tos), envelope.content.decode(errors="replace")))
                return "250 OK"
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()


class Node:
    def __init__(self, name, work, relay_port):
        self.name, self.log_path = name, os.path.join(work, f"{name}.log")
        self.process = subprocess.Popen(
            [BIN, "serve", "--port", "0", "--node-name", name, "--provisioning-delay-ms", "200",
             "--smtp", f"127.0.0.1:{relay_port}", "--smtp-tls", "none"] + COMMON,
            stdout=open(self.log_path, "w"), stderr=subprocess.STDOUT)
        self.base = None
        for _ in range(200):
            for line in open(self.log_path):
                if '"msg":"listening"' in line:
                    self.base = f"http://127.0.0.1:{json.loads(line)['port']}"
            if self.base: break
            time.sleep(0.05)
        if not self.base: sys.exit(f"{name} did not start: {open(self.log_path).read()[-2000:]}")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try: self.process.wait(timeout=10)
            except subprocess.TimeoutExpired: self.process.kill()


def psql(sql):
    return subprocess.run(["psql", "-Atq", DB, "-c", sql], check=True, capture_output=True, text=True).stdout.strip()


def main():
    work = tempfile.mkdtemp(prefix="cluster-")
    demo = json.loads(subprocess.run([BIN, "demo", "--json"] + COMMON, check=True, capture_output=True, text=True, timeout=120).stdout)
    acme, beta = demo["tokens"]["admin@acme.example"], demo["tokens"]["admin@betacloud.example"]
    port_id, beta_port = demo["ports"]["The MEGAPORT at Global Switch"], demo["ports"]["Beta Cloud Sydney (Equinix SY1)"]
    relay = Relay()
    nodes = [Node(f"node{i}", work, relay.port) for i in (1, 2, 3)]
    try:
        health = [call(n.base, "GET", "/health") for n in nodes]
        check("every node is healthy and names itself", [h[1].get("node") for h in health] == ["node1", "node2", "node3"], health)

        # A logout on one node is refused by every node within a second.
        status, login = call(nodes[0].base, "POST", "/v2/login", body={"username": "tech@betacloud.example", "password": "megaport-demo"})
        token = (login or {}).get("data", {}).get("token")
        cached = [call(n.base, "GET", "/v2/products", token)[0] for n in nodes]
        call(nodes[0].base, "GET", "/v2/logout", token)
        time.sleep(0.6)
        after = [call(n.base, "GET", "/v2/products", token)[0] for n in nodes]
        check("a logout on node1 is refused by every node within a second", status == 200 and cached == [200] * 3 and after == [401] * 3,
              f"login {status}, before {cached}, after {after}")

        # Failed logins count across nodes: five wrong passwords spread over the nodes, then even the right one is 429.
        wrong = [call(nodes[i % 3].base, "POST", "/v2/login", body={"username": "finance@acme.example", "password": "not-it"})[0] for i in range(5)]
        right = call(nodes[2].base, "POST", "/v2/login", body={"username": "finance@acme.example", "password": "megaport-demo"})[0]
        check("failed logins are counted across nodes", wrong == [401] * 5 and right == 429, f"wrong {wrong}, then {right}")

        # The command line works on the shared database while the nodes serve it.
        made = subprocess.run([BIN, "admin", "create-company", "--name", "Cluster Co", "--type", "DIRECT"] + COMMON, capture_output=True, text=True)
        seen = psql("SELECT count(*) FROM companies WHERE trading_name = 'Cluster Co'")
        check("admin commands take the PostgreSQL URL too", made.returncode == 0 and made.stdout.strip().isdigit() and seen == "1",
              f"{made.returncode} {made.stdout} {made.stderr[-300:]}")

        # 30 concurrent orders for one VLAN, spread over the nodes: exactly one wins.
        def order_vlan(i):
            body = {"payerMegaPortNsId": port_id, "nonPayerMegaPortNsId": port_id, "payerVlanId": 3001, "nonPayerVlanId": 3101 + i,
                    "speed": 10, "serviceName": f"race {i}"}
            return call(nodes[i % 3].base, "POST", "/secure/ecommerce/vxc/order", acme, body)
        with futures.ThreadPoolExecutor(30) as pool:
            outcomes = list(pool.map(order_vlan, range(30)))
        codes = sorted(o[0] for o in outcomes)
        won = psql("SELECT count(*) FROM vlan_assignments WHERE port_id = %d AND vlan = 3001 AND active = 1" % port_id)
        check("30 orders for one VLAN over three nodes: exactly one wins, the rest hear 409", codes.count(200) == 1 and won == "1"
              and all(c == 409 for c in codes if c != 200), f"statuses {codes}, VLAN rows {won}")

        # One Idempotency-Key sent to every node at once orders once.
        def keyed(i):
            body = {"productType": "MEGAPORT", "serviceName": "keyed port", "megaPortProvItem": {"speed": 1000, "location_id": 3}}
            return call(nodes[i % 3].base, "POST", "/secure/ecommerce/megaport/order", acme, body, {"Idempotency-Key": "cluster-key-1"})
        with futures.ThreadPoolExecutor(9) as pool:
            keyed_outcomes = list(pool.map(keyed, range(9)))
        made = psql("SELECT count(*) FROM services WHERE name = 'keyed port'")
        answers = {json.dumps(o[1], sort_keys=True) for o in keyed_outcomes}
        check("one Idempotency-Key sent to three nodes at once orders once, and every node answers the same",
              made == "1" and all(o[0] == 200 for o in keyed_outcomes) and len(answers) == 1, f"{made} ports, {keyed_outcomes}")

        # One email per recipient per event, whichever node's worker sends it.
        status, _ = call(nodes[1].base, "POST", "/secure/ecommerce/vxc/order", acme,
                         {"payerMegaPortNsId": port_id, "nonPayerMegaPortNsId": beta_port, "speed": 50, "serviceName": "mail test"})
        deadline = time.time() + 20
        while time.time() < deadline and psql("SELECT count(*) FROM outbox WHERE state = 'PENDING'") != "0":
            time.sleep(0.2)
        time.sleep(0.5)
        sent = int(psql("SELECT count(*) FROM outbox WHERE state = 'SENT'"))
        ids = [next((l for l in text.splitlines() if l.lower().startswith("message-id:")), "") for _, text in relay.messages]
        check("every email is sent once, whichever node sends it", status == 200 and sent > 0 and len(ids) == sent and len(set(ids)) == len(ids),
              f"order {status}, outbox SENT {sent}, relay got {len(ids)} ({len(set(ids))} distinct)")

        # SIGKILL of one node under order load loses no acknowledged order.
        acknowledged, stop = [], threading.Event()
        def load(worker):
            n = 0
            while not stop.is_set():
                n += 1
                node = nodes[(worker + n) % 3]
                status, body = call(node.base, "POST", "/secure/ecommerce/megaport/order", acme,
                                    {"productType": "MEGAPORT", "serviceName": f"load {worker}-{n}",
                                     "megaPortProvItem": {"speed": 1000, "location_id": 4}}, timeout=5)
                if status == 200 and isinstance(body, list): acknowledged.append(body[2])
        threads = [threading.Thread(target=load, args=(w,)) for w in range(6)]
        for t in threads: t.start()
        time.sleep(1.5)
        nodes[2].process.send_signal(signal.SIGKILL)
        time.sleep(1.5)
        stop.set()
        for t in threads: t.join()
        stored = set(psql("SELECT coalesce(string_agg(id::text, ','), '') FROM services WHERE name LIKE 'load %'").split(","))
        lost = [i for i in acknowledged if str(i) not in stored]
        check("SIGKILL of one node under load loses no acknowledged order", len(acknowledged) > 20 and not lost,
              f"{len(acknowledged)} acknowledged, lost {lost[:5]}")

        # The database stopped and started under running nodes: 503 while down, service again without restarting them.
        live = nodes[:2]
        subprocess.run(["bash", os.path.join(ROOT, "scripts", "pg_cluster.sh"), "halt", PG_DIR], check=True)
        time.sleep(1.2)
        down = [call(n.base, "GET", "/v2/products", acme)[0] for n in live] + [call(n.base, "GET", "/health")[0] for n in live]
        subprocess.run(["bash", os.path.join(ROOT, "scripts", "pg_cluster.sh"), "resume", PG_DIR], check=True)
        deadline, back = time.time() + 10, []
        while time.time() < deadline:
            back = [call(n.base, "GET", "/v2/products", acme)[0] for n in live]
            if back == [200, 200]: break
            time.sleep(0.2)
        check("the database down: 503 from every node; back up: served again without restarting the nodes",
              down == [503] * 4 and back == [200, 200], f"while down {down}, after {back}")
    finally:
        for node in nodes: node.stop()
        relay.controller.stop()
    passed = sum(results)
    print(f"cluster: {passed} passed, {len(results) - passed} failed")
    sys.exit(0 if passed == len(results) else 1)


if __name__ == "__main__":
    main()
