"""`megaport-server sandbox` tested as a harness uses it: the real binary over real sockets, each check
printing ok/FAIL and the last line "sandbox: N passed, M failed". It runs the worked example of
docs/sandbox.md first, then: reset (timed and printed, not asserted), the clock against a service key's
validity, injected faults, two seeded sandboxes answering byte for byte alike, a database that is not a
sandbox's refused untouched, and no /sandbox/ routes under `serve`.
"""
import concurrent.futures, hashlib, json, os, subprocess, sys, tempfile, time, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sandbox_example import BIN, DAY_MS, ROOT, Sandbox, test_unanswered_request_expires_after_60_days  # noqa: E402

results = []


def check(name, ok, detail=""):
    results.append(bool(ok))
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + ("" if ok else f": {detail}"), flush=True)


def port_order(box, name="Harness port"):
    status, order = box.call("POST", "/secure/ecommerce/megaport/order", {
        "serviceName": name, "productType": "MEGAPORT", "companyId": box.world["companies"]["Acme Networks"],
        "megaPortProvItem": {"speed": 10000, "networkServiceType": "MEGAPORT", "location_id": "3"}})
    assert status == 200, order
    return int(order[2])


def worked_example(box):
    try:
        message = test_unanswered_request_expires_after_60_days(box)
        check("worked example: 61 days on, the request expired, the VXC failed, the email captured",
              message["headers"]["Date"] == "Tue, 03 Mar 2026 00:00:00 +0000" and "X-Megaport-Event" in message["headers"], message)
    except AssertionError as error:
        check("worked example", False, error)


def reset(box):
    port = port_order(box)
    box.call("POST", "/sandbox/faults", {"kind": "busy", "count": 5, "routes": ["/v2/products"]})
    start = time.monotonic()
    status, answer = box.call("POST", "/sandbox/reset")
    took = (time.monotonic() - start) * 1000
    print(f"     reset took {took:.1f} ms, request and answer included (measured, not asserted)", flush=True)
    gone, _ = box.call("GET", f"/secure/technicalservice/{port}")
    alive = all(box.call("GET", "/secure/dropdowns/locations", token=token)[0] == 200 for token in box.world["tokens"].values())
    faults = box.call("GET", "/sandbox/faults")[1]["faults"]
    check("reset: the order placed before is gone, every printed token works, faults disarmed",
          status == 200 and gone == 404 and alive and faults == [], (status, gone, alive, faults))
    check("reset: the clock is back at the seeded start", answer["clock"] == {"now": 1767225600000, "date": "2026-01-01", "frozen": True}, answer)
    again = port_order(box)
    check("reset: the same calls draw the same ids again", again == port, (port, again))


def service_key_validity(box):
    beta = box.world["tokens"]["admin@betacloud.example"]
    beta_port = box.world["ports"]["Beta Cloud Sydney (Equinix SY1)"]
    now = box.call("GET", "/sandbox/clock")[1]["now"]
    status, key = box.call("POST", "/v2/service/key", {"productId": beta_port, "description": "for the harness", "active": True,
                                                       "singleUse": False, "validFor": {"start": now, "end": now + DAY_MS}}, token=beta)
    acme_port = box.world["ports"]["The MEGAPORT at Global Switch"]
    order = {"payerMegaPortNsId": acme_port, "nonPayerMegaPortNsId": beta_port, "speed": 100, "serviceKey": key.get("data", {}).get("key")}
    first, _ = box.call("POST", "/secure/ecommerce/vxc/order", dict(order, payerVlanId=401))
    box.call("POST", "/sandbox/clock", {"advanceMs": DAY_MS})
    second, refused = box.call("POST", "/secure/ecommerce/vxc/order", dict(order, payerVlanId=402))
    check("clock: a service key works inside validFor and is refused once its end has passed",
          status == 200 and first == 200 and second == 403 and "expired" in json.dumps(refused), (status, key, first, second, refused))


def clock_rules(box):
    start = box.call("GET", "/sandbox/clock")[1]["now"]
    refused = [box.call("POST", "/sandbox/clock", body)[0] for body in ({"now": start - 1}, {}, {"advanceMs": -1}, {"advanceMs": 1, "now": start})]
    status, moved = box.call("POST", "/sandbox/clock", {"now": start + 5000})
    check("clock: moves only forward, by advanceMs or to now, one of them", refused == [422] * 4 and status == 200 and moved["now"] == start + 5000,
          (refused, status, moved))


def authorization_key_expiry(box):
    now = box.call("GET", "/sandbox/clock")[1]["now"]
    acme = box.world["tokens"]["admin@acme.example"]
    status, key = box.call("POST", "/secure/company/authorizationkeys", {"label": "Gamma", "expiresAt": now + DAY_MS, "actions": ["VIEW"]}, token=acme)
    gamma = box.world["tokens"]["admin@gamma.example"]
    port = box.world["ports"]["The MEGAPORT at Global Switch"]
    status_of = lambda: box.exchange("GET", f"/secure/technicalservice/{port}", token=gamma, headers={"X-Authorization-Key": key.get("key", "")})[0]
    before = status_of()
    box.call("POST", "/sandbox/clock", {"advanceMs": 2 * DAY_MS})
    after = status_of()
    check("clock: an authorization key works until its expiry, then is refused", status == 201 and before == 200 and after == 403, (status, before, after))


def faults(box):
    box.call("POST", "/sandbox/faults", {"kind": "busy", "count": 2})
    answers = [box.exchange("GET", "/secure/dropdowns/locations") for _ in range(3)]
    statuses = [a[0] for a in answers]
    retry = [a[1].get("Retry-After") for a in answers[:2]]
    codes = [json.loads(a[2])["data"]["code"] for a in answers[:2]]
    check("faults: busy ×2 gives two 503s with Retry-After, then success",
          statuses == [503, 503, 200] and retry == ["1", "1"] and codes == ["database_busy"] * 2, (statuses, retry, codes))
    box.call("POST", "/sandbox/faults", {"kind": "unavailable", "count": 1, "routes": ["/v2/"]})
    skipped = box.call("GET", "/secure/dropdowns/locations")[0]
    hit = box.call("GET", "/v2/locations")
    check("faults: a fault limited to /v2/ spares other routes and hits the next /v2/ call",
          skipped == 200 and hit[0] == 503 and hit[1]["data"]["code"] == "storage_unavailable", (skipped, hit))
    box.call("POST", "/sandbox/faults", {"kind": "slow", "count": 1, "delayMs": 300})
    start = time.monotonic()
    slow = box.call("GET", "/secure/dropdowns/locations")[0]
    check("faults: slow answers normally after its delay", slow == 200 and time.monotonic() - start >= 0.3, slow)
    status, refused = box.call("POST", "/sandbox/faults", {"kind": "late", "count": 0})
    named = sorted(e["field"] for e in refused["data"]["errors"])
    check("faults: a bad fault is refused naming each field", status == 422 and named == ["count", "kind"],
          (status, refused))


def script(box):
    """A sequence of calls touching ids, tokens, keys, times, errors and mail; every response body."""
    bodies = []
    form = urllib.request.Request(box.base + "/v2/login", method="POST", data=b"username=admin%40acme.example&password=megaport-demo")
    with urllib.request.urlopen(form) as response:
        bodies.append(response.read())
    token = json.loads(bodies[-1])["data"]["session"]
    for method, path, body in [
        ("POST", "/secure/ecommerce/megaport/order", {"serviceName": "Same", "productType": "MEGAPORT", "companyId": 1,
                                                      "megaPortProvItem": {"speed": 10000, "location_id": "3"}}),
        ("POST", "/sandbox/provisioning/flush", None),
        ("POST", "/secure/ecommerce/vxc/order", {"payerMegaPortNsId": 5, "nonPayerMegaPortNsId": 4, "payerVlanId": 300, "speed": 200}),
        ("GET", "/secure/technicalservice/6", None),
        ("GET", "/v2/products", None),
        ("GET", "/secure/technicalservice/999", None),
        ("POST", "/secure/ecommerce/vxc/order", {"speed": "fast"}),
        ("POST", "/sandbox/clock", {"advanceMs": 61 * DAY_MS}),
        ("GET", "/v3/order_approvals", None),
        ("GET", "/sandbox/mail", None),
        ("POST", "/sandbox/reset", None),
        ("GET", "/v2/products", None),
    ]:
        bodies.append(box.exchange(method, path, body, token=token)[2])
    return bodies


def determinism():
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        boxes = list(pool.map(lambda _: Sandbox("--seed", "7"), range(2)))
    try:
        same_world = boxes[0].world == boxes[1].world
        first, second = script(boxes[0]), script(boxes[1])
        differing = [i for i, (a, b) in enumerate(zip(first, second)) if a != b]
        check("seed: two sandboxes print the same tokens and API key", same_world)
        check(f"seed: the same {len(first)} calls get byte-identical bodies (sha256 {hashlib.sha256(b''.join(first)).hexdigest()[:12]})",
              not differing, [(first[i][:200], second[i][:200]) for i in differing])
        unseeded = Sandbox()
        clock = unseeded.call("GET", "/sandbox/clock")[1]
        check("no seed: the clock follows real time", not clock["frozen"] and abs(clock["now"] - time.time() * 1000) < 60_000, clock)
        unseeded.close()
    finally:
        for box in boxes: box.close()


def refuses_other_databases(work):
    path = os.path.join(work, "real.sqlite")
    subprocess.run([BIN, "demo", "--db", path, "--schema-dir", os.path.join(ROOT, "Schema")], check=True, capture_output=True)
    before = hashlib.sha256(open(path, "rb").read()).hexdigest()
    run = subprocess.run([BIN, "sandbox", "--port", "0", "--db", path], capture_output=True, text=True, timeout=30)
    after = hashlib.sha256(open(path, "rb").read()).hexdigest()
    check("a database not created as a sandbox is refused and left as it was",
          run.returncode == 2 and "not created as a sandbox" in run.stderr and before == after, (run.returncode, run.stderr))
    url = subprocess.run([BIN, "sandbox", "--port", "0", "--db", "postgres://nobody@127.0.0.1:1/x"], capture_output=True, text=True, timeout=30)
    check("a PostgreSQL URL is refused: the sandbox runs on SQLite", url.returncode == 2 and "SQLite" in url.stderr, (url.returncode, url.stderr))
    kept = os.path.join(work, "kept.sqlite")
    for round in range(2):  # a named file made by a sandbox is taken again
        box = Sandbox("--db", kept)
        ok = box.call("GET", "/health")[1].get("sandbox") is True
        box.close()
    check("a named sandbox file is created, then accepted again", ok)


def serve_has_no_sandbox(work):
    path = os.path.join(work, "serve.sqlite")
    demo = json.loads(subprocess.run([BIN, "demo", "--json", "--db", path, "--schema-dir", os.path.join(ROOT, "Schema")],
                                     check=True, capture_output=True, text=True).stdout)
    process = subprocess.Popen([BIN, "serve", "--port", "0", "--db", path, "--schema-dir", os.path.join(ROOT, "Schema"), "--log-level", "warning"],
                               stdout=subprocess.PIPE, text=True)
    try:
        port = json.loads(process.stdout.readline())["port"]
        box = Sandbox.__new__(Sandbox)
        box.base, box.token = f"http://127.0.0.1:{port}", demo["tokens"]["admin@acme.example"]
        statuses = [box.call(m, p)[0] for m, p in [("POST", "/sandbox/reset"), ("GET", "/sandbox/clock"), ("POST", "/sandbox/clock"),
                                                     ("POST", "/sandbox/provisioning/flush"), ("GET", "/sandbox/mail"),
                                                     ("DELETE", "/sandbox/mail"), ("POST", "/sandbox/faults")]]
        health = box.call("GET", "/health")[1]
        check("serve: every /sandbox/ route is 404 and /health does not say sandbox", set(statuses) == {404} and "sandbox" not in health,
              (statuses, health))
    finally:
        process.terminate()
        process.wait(timeout=10)


def main():
    box = Sandbox("--seed", "42")
    try:
        for step in (worked_example, reset, clock_rules, service_key_validity, authorization_key_expiry, faults):
            box.reset()
            step(box)
    finally:
        box.close()
    determinism()
    with tempfile.TemporaryDirectory() as work:
        refuses_other_databases(work)
        serve_has_no_sandbox(work)
    print(f"sandbox: {sum(results)} passed, {len(results) - sum(results)} failed")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
