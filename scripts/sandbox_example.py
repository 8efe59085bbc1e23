"""A test harness against `megaport-server sandbox` — the worked example of docs/sandbox.md.

A pytest fixture starts one sandbox for the session and resets it before every test; the test orders
a VXC to Beta Cloud (whose people approve by hand), moves the sandbox's clock 61 days ahead, and finds
the request expired, the VXC failed and the email that says so. Run it with `pytest` or on its own
(`python3 scripts/sandbox_example.py`); set BIN to the server binary if it is not in .build/debug.
Only the standard library is needed (pytest if you want the fixture form).
"""
import json, os, subprocess, urllib.error, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("BIN", os.path.join(ROOT, ".build", "debug", "megaport-server"))
DAY_MS = 86_400_000


class Sandbox:
    """One `megaport-server sandbox` process: its base URL, the demo world and a small JSON client."""

    def __init__(self, *flags):
        self.process = subprocess.Popen([BIN, "sandbox", "--port", "0", "--log-level", "warning", *flags],
                                        stdout=subprocess.PIPE, text=True)
        for line in self.process.stdout:  # a banner, then the "listening" line with the demo world
            event = json.loads(line)
            if event["msg"] == "listening":
                break
        self.base = f"http://127.0.0.1:{event['port']}"
        self.world = event["demo"]
        self.token = self.world["tokens"]["techadmin@acme.example"]

    def call(self, method, path, body=None, token=None):
        """(status, parsed JSON body) of one request; errors are answers too."""
        status, _, raw = self.exchange(method, path, body, token)
        return status, json.loads(raw or b"null")

    def exchange(self, method, path, body=None, token=None, headers=None):
        """(status, headers, body bytes) of one request."""
        request = urllib.request.Request(self.base + path, method=method, headers=headers or {},
                                         data=None if body is None else json.dumps(body).encode())
        request.add_header("X-Auth-Token", token or self.token)
        if body is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def reset(self):
        status, _ = self.call("POST", "/sandbox/reset")
        assert status == 200

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=10)


try:
    import pytest

    @pytest.fixture(scope="session")
    def sandbox_process():
        box = Sandbox("--seed", "42")
        yield box
        box.close()

    @pytest.fixture
    def sandbox(sandbox_process):
        sandbox_process.reset()  # every test starts from the seeded world
        return sandbox_process
except ImportError:
    pass


def test_unanswered_request_expires_after_60_days(sandbox):
    beta_port = sandbox.world["ports"]["Beta Cloud Sydney (Equinix SY1)"]
    status, order = sandbox.call("POST", "/secure/ecommerce/megaport/order", {
        "serviceName": "Harness port", "productType": "MEGAPORT", "companyId": sandbox.world["companies"]["Acme Networks"],
        "megaPortProvItem": {"speed": 10000, "networkServiceType": "MEGAPORT", "location_id": "3"}})
    assert status == 200, order
    acme_port = int(order[2])  # ["OK", name, id]
    sandbox.call("POST", "/sandbox/provisioning/flush")  # LIVE now, without waiting for the provisioning delay
    status, order = sandbox.call("POST", "/secure/ecommerce/vxc/order", {
        "payerMegaPortNsId": acme_port, "nonPayerMegaPortNsId": beta_port, "payerVlanId": 300, "speed": 200})
    assert status == 200, order
    vxc = order["vxcJTechnicalServiceId"]
    status, service = sandbox.call("GET", f"/secure/technicalservice/{vxc}")
    assert service["vxcApproval"]["status"] == "PENDING_EXTERNAL"

    sandbox.call("DELETE", "/sandbox/mail")  # forget the order's emails
    status, clock = sandbox.call("POST", "/sandbox/clock", {"advanceMs": 61 * DAY_MS})
    assert status == 200 and clock["frozen"]  # seeded: the clock moves only when told

    status, service = sandbox.call("GET", f"/secure/technicalservice/{vxc}")
    assert service["provisioningStatus"] == "FAILED", service["provisioningStatus"]
    status, approvals = sandbox.call("GET", "/v3/order_approvals", token=sandbox.world["tokens"]["admin@betacloud.example"])
    assert [a["status"] for a in approvals["data"] if a["serviceId"] == vxc] == ["EXPIRED"], approvals
    status, mail = sandbox.call("GET", "/sandbox/mail")
    expired = [m for m in mail["messages"] if m["to"] == "techadmin@acme.example" and "expired" in m["subject"].lower()]
    assert expired, [m["subject"] for m in mail["messages"]]
    return expired[0]


if __name__ == "__main__":
    box = Sandbox("--seed", "42")
    try:
        message = test_unanswered_request_expires_after_60_days(box)
        print("ok  ", message["headers"]["Date"], "—", message["subject"])
    finally:
        box.close()
