#!/usr/bin/env python3
"""Replays docs/walkthrough.md against a fresh server, started exactly as `make run` starts it (the
default provisioning delay included), and fails if any response differs in status, shape or a status
value from what the page shows (so the page stays true).

The walkthrough lives between <!-- walkthrough:begin --> and <!-- walkthrough:end -->: each ```sh block
holds one curl command and is followed by a ```json <status> block with the response the page shows.
Commands use $BASE and the demo tokens ($ACME, $ACME_TECH, $BETA); a `# save NAME=path` line in a sh
block stores a value of its response (path like .a.b or [0].id) for later commands. Shapes compare
object keys and value types (null fits any type); an array of objects or arrays is compared element by
element with the page's first element, an array of scalars position by position. Values of status
fields (provisioningStatus, vxcApprovalStatus, status, state) must be equal. A GET whose response does
not match yet is repeated for up to 10 seconds, as a person would look again a few seconds later.
Local only: the server listens on 127.0.0.1 and every request has a time-out.
"""
import json, os, re, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("BIN", os.path.join(ROOT, ".build", "debug", "megaport-server"))

def steps(readme):
    text = open(readme).read()
    body = text.split("<!-- walkthrough:begin -->", 1)[1].split("<!-- walkthrough:end -->", 1)[0]
    pairs = re.findall(r"```sh\n(.*?)```\s*```json (\d{3})\n(.*?)```", body, re.S)
    return [(cmd.strip(), int(status), expected.strip()) for cmd, status, expected in pairs]

STATUS_FIELDS = {"provisioningStatus", "vxcApprovalStatus", "status", "state"}

def kind(v):
    if v is None: return "null"
    if isinstance(v, bool): return "boolean"
    if isinstance(v, (int, float)): return "number"
    if isinstance(v, str): return "string"
    if isinstance(v, list): return "array"
    return "object"

def shape_problems(actual, expected, path="$"):
    if actual is None or expected is None:
        return []  # nullable fields: a date not set yet, a VLAN not chosen
    if kind(actual) != kind(expected):
        return [f"{path}: {kind(actual)} where the page shows {kind(expected)}"]
    if path.rsplit(".", 1)[-1] in STATUS_FIELDS and actual != expected:
        return [f"{path}: {actual!r} where the page shows {expected!r}"]
    if isinstance(expected, dict):
        out = []
        if set(actual) != set(expected):
            out.append(f"{path}: keys differ: missing {sorted(set(expected) - set(actual))}, extra {sorted(set(actual) - set(expected))}")
        for k in set(actual) & set(expected):
            out += shape_problems(actual[k], expected[k], f"{path}.{k}")
        return out
    if isinstance(expected, list) and expected:
        out = []
        if all(kind(e) not in ("array", "object") for e in expected):  # a tuple such as [id, name, state, country]
            for i, (a, e) in enumerate(zip(actual, expected)):
                out += shape_problems(a, e, f"{path}[{i}]")
            return out
        for i, item in enumerate(actual[:20]):
            out += shape_problems(item, expected[0], f"{path}[{i}]")
        return out
    return []

def lookup(value, path):
    for part in re.findall(r"\.([A-Za-z_]\w*)|\[(\d+)\]", path):
        value = value[part[0]] if part[0] else value[int(part[1])]
    return value

def main():
    readme = os.path.join(ROOT, "docs", "walkthrough.md")
    work = tempfile.mkdtemp(prefix="walkthrough-")
    db = os.environ.get("WALKTHROUGH_DB") or os.path.join(work, "walk.sqlite")  # a postgres:// URL replays it on PostgreSQL
    common = ["--db", db, "--schema-dir", os.path.join(ROOT, "Schema")]
    demo = json.loads(subprocess.run([BIN, "demo", "--json"] + common, check=True, capture_output=True, text=True, timeout=120).stdout)
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([BIN, "serve", "--port", "0"] + common, stdout=log, stderr=subprocess.STDOUT)
    try:
        port = None
        for _ in range(100):
            for line in open(os.path.join(work, "server.log")):
                if '"msg":"listening"' in line:
                    port = json.loads(line)["port"]
            if port: break
            time.sleep(0.1)
        if not port: sys.exit("the server did not start")
        env = dict(os.environ, BASE=f"http://127.0.0.1:{port}", ACME=demo["tokens"]["admin@acme.example"],
                   ACME_TECH=demo["tokens"]["techadmin@acme.example"], BETA=demo["tokens"]["admin@betacloud.example"])
        passed = failed = 0
        for number, (command, status, expected_text) in enumerate(steps(readme), 1):
            looks_again = "-X" not in command.split("\n")[0]  # a GET: a person may run it again
            deadline = time.time() + (10 if looks_again else 0)
            while True:
                run = subprocess.run(["bash", "-c", command.replace("curl ", "curl -sS --max-time 10 -w '\\n%{http_code}' ", 1)],
                                     env=env, capture_output=True, text=True, timeout=30)
                body, _, code = run.stdout.rpartition("\n")
                problems = [] if int(code or 0) == status else [f"status {code}, the page shows {status}"]
                try:
                    actual = json.loads(body) if body.strip() else None
                    problems += shape_problems(actual, json.loads(expected_text))
                except (json.JSONDecodeError, ValueError) as error:
                    problems.append(f"not comparable JSON: {error}: {body[:200]}")
                    actual = None
                if not problems or time.time() > deadline:
                    break
                time.sleep(0.25)
            for name, path in re.findall(r"# save (\w+)=(\S+)", command):
                try:
                    env[name] = str(lookup(actual, path))
                except (KeyError, IndexError, TypeError):
                    problems.append(f"cannot save {name} from {path}")
            title = command.splitlines()[0][:90]
            if problems:
                failed += 1
                print(f"FAIL step {number}: {title}\n  " + "\n  ".join(problems[:8]))
            else:
                passed += 1
                print(f"ok   step {number}: {title}")
        print(f"walkthrough: {passed} passed, {failed} failed")
        sys.exit(1 if failed or not passed else 0)
    finally:
        server.terminate()
        server.wait(timeout=10)

if __name__ == "__main__":
    main()
