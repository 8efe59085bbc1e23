#!/usr/bin/env python3
"""Email through real TLS relays (aiosmtpd, in the project's virtual environment), against the server
binary: STARTTLS with AUTH required after TLS, implicit TLS, certificates refused for a wrong name or an
untrusted CA (and accepted with --smtp-ca-file), no AUTH towards a relay without STARTTLS, a 200-message
backlog over few connections, and a relay on IPv6 ::1. A throwaway CA and certificates are made with
openssl at run time. Everything listens on loopback; every wait is bounded."""
import json, logging, os, socket, ssl, subprocess, sys, tempfile, time, urllib.request, warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult

logging.getLogger("mail.log").setLevel(logging.CRITICAL)  # refused handshakes are expected here
warnings.filterwarnings("ignore", message="Session.login_data is deprecated")
warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("BIN", os.path.join(ROOT, ".build", "debug", "megaport-server"))
WORK = tempfile.mkdtemp(prefix="smtp-tls-")
USER, PASSWORD = "relay-user", "relay-password-123"


def openssl(*args):
    subprocess.run(["openssl", *args], check=True, capture_output=True, cwd=WORK)


def make_ca(name):
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={name}",
            "-keyout", f"{name}.key", "-out", f"{name}.pem")


def make_cert(name, ca, sans):
    with open(os.path.join(WORK, f"{name}.ext"), "w") as f:
        f.write(f"subjectAltName={sans}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={name}", "-keyout", f"{name}.key", "-out", f"{name}.csr")
    openssl("x509", "-req", "-in", f"{name}.csr", "-CA", f"{ca}.pem", "-CAkey", f"{ca}.key", "-CAcreateserial",
            "-days", "2", "-extfile", f"{name}.ext", "-out", f"{name}.pem")


def context(cert):
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(os.path.join(WORK, f"{cert}.pem"), os.path.join(WORK, f"{cert}.key"))
    return ctx


class Relay:
    """One aiosmtpd relay that records messages, connections and AUTH attempts."""

    def __init__(self, host="127.0.0.1", cert=None, implicit=False, starttls=True, auth=True, data_reply="250 OK"):
        self.messages, self.peers, self.auths = [], set(), 0
        relay = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                if data_reply.startswith("250"):
                    relay.messages.append(envelope)
                return data_reply

        class Counting(SMTP):
            def connection_made(self, transport):
                relay.peers.add(transport.get_extra_info("peername"))  # STARTTLS calls this again: same peer
                super().connection_made(transport)

        def authenticator(server, session, envelope, mechanism, auth_data):
            relay.auths += 1
            return AuthResult(success=auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode())

        tls = context(cert) if cert else None
        # Implicit TLS is TLS from the first byte, but aiosmtpd only counts STARTTLS as TLS for AUTH.
        kwargs = dict(authenticator=authenticator if auth else None, auth_require_tls=not implicit, auth_required=auth,
                      require_starttls=starttls and not implicit, tls_context=None if implicit or not starttls else tls)

        class Ctl(Controller):
            def factory(self):
                return Counting(self.handler, **kwargs)

        self.controller = Ctl(Handler(), hostname=host, port=free_port(host), ssl_context=tls if implicit else None)
        self.controller.start()
        self.peers.clear()  # the controller's own start-up probe
        self.host, self.port = host, self.controller.port

    @property
    def connections(self):
        return len(self.peers)

    def stop(self):
        self.controller.stop()


def free_port(host):
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class Server:
    """The server binary on a fresh demo database."""

    def __init__(self, flags, db=None):
        self.db = db or os.path.join(tempfile.mkdtemp(dir=WORK), "mail.sqlite")
        self.common = ["--db", self.db, "--schema-dir", os.path.join(ROOT, "Schema")]
        self.demo = json.loads(subprocess.run([BIN, "demo", "--json"] + self.common, check=True, capture_output=True, text=True).stdout)
        env = dict(os.environ, SMTP_USERNAME=USER, SMTP_PASSWORD=PASSWORD)
        self.log = os.path.join(WORK, f"server-{time.time_ns()}.log")
        self.process = subprocess.Popen([BIN, "serve", "--port", "0", "--smtp-retry-base-ms", "50", "--smtp-timeout-ms", "3000"]
                                        + flags + self.common, stdout=open(self.log, "w"), stderr=subprocess.STDOUT, env=env)
        self.port = None
        for _ in range(100):
            for line in open(self.log):
                if '"msg":"listening"' in line:
                    self.port = json.loads(line)["port"]
            if self.port: break
            time.sleep(0.1)
        if not self.port:
            sys.exit("the server did not start: " + open(self.log).read())

    def change_contacts(self, n):
        token = self.demo["tokens"]["admin@acme.example"]
        body = json.dumps({"supportPhone": "+61 2 9000 %04d" % n}).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/secure/company/contacts", data=body, method="PUT",
                                         headers={"Content-Type": "application/json", "X-Auth-Token": token})
        urllib.request.urlopen(request, timeout=10).read()

    def outbox(self):
        token = self.demo["tokens"]["admin@acme.example"]
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/secure/notifications/outbox", headers={"X-Auth-Token": token})
        return json.loads(urllib.request.urlopen(request, timeout=10).read())

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=15)


def wait(condition, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def last_error(server):
    return next((m.get("lastError") for m in server.outbox() if m.get("lastError")), None)


def scenario_starttls_with_auth(check):
    relay = Relay(cert="localhost")
    server = Server(["--smtp", f"localhost:{relay.port}", "--smtp-ca-file", os.path.join(WORK, "ca.pem")])
    try:
        server.change_contacts(1)
        check("STARTTLS, then AUTH, delivers", wait(lambda: len(relay.messages) >= 1), relay.__dict__.get("messages"))
        check("the relay saw one successful AUTH after TLS", relay.auths == 1, relay.auths)
    finally:
        server.stop(); relay.stop()


def scenario_implicit(check):
    relay = Relay(cert="localhost", implicit=True)
    server = Server(["--smtp", f"localhost:{relay.port}", "--smtp-tls", "implicit", "--smtp-ca-file", os.path.join(WORK, "ca.pem")])
    try:
        server.change_contacts(2)
        check("implicit TLS delivers", wait(lambda: len(relay.messages) >= 1), len(relay.messages))
        check("implicit TLS: AUTH over the encrypted stream", relay.auths == 1, relay.auths)
    finally:
        server.stop(); relay.stop()


def scenario_refused_certificates(check):
    for cert, ca, why in [("wrongname", "ca.pem", "certificate for another name"), ("localhost2", "ca.pem", "certificate of an untrusted CA")]:
        relay = Relay(cert=cert)
        server = Server(["--smtp", f"localhost:{relay.port}", "--smtp-ca-file", os.path.join(WORK, ca)])
        try:
            server.change_contacts(3)
            check(f"{why}: refused with the TLS stage named", wait(lambda: (last_error(server) or "").startswith("TLS handshake:")),
                  last_error(server))
            check(f"{why}: says it waits for the settings to change", "until the mail settings change" in (last_error(server) or ""),
                  last_error(server))
            check(f"{why}: nothing delivered, no AUTH sent", not relay.messages and relay.auths == 0, (len(relay.messages), relay.auths))
        finally:
            server.stop(); relay.stop()
    relay = Relay(cert="localhost2")
    server = Server(["--smtp", f"localhost:{relay.port}", "--smtp-ca-file", os.path.join(WORK, "ca2.pem")])
    try:
        server.change_contacts(4)
        check("the other CA trusted with --smtp-ca-file: delivered", wait(lambda: len(relay.messages) >= 1), last_error(server))
    finally:
        server.stop(); relay.stop()


def scenario_no_starttls(check):
    relay = Relay(starttls=False, auth=False)
    server = Server(["--smtp", f"127.0.0.1:{relay.port}"])
    try:
        server.change_contacts(5)
        check("a relay without STARTTLS is refused (STARTTLS stage)", wait(lambda: (last_error(server) or "").startswith("STARTTLS:")),
              last_error(server))
        check("no AUTH and no message went in clear", relay.auths == 0 and not relay.messages, (relay.auths, len(relay.messages)))
    finally:
        server.stop(); relay.stop()


def scenario_failure_stage(check):
    relay = Relay(cert="localhost", data_reply="550 5.7.1 content refused")
    server = Server(["--smtp", f"localhost:{relay.port}", "--smtp-ca-file", os.path.join(WORK, "ca.pem")])
    try:
        server.change_contacts(7)
        failed = lambda: next((m for m in server.outbox() if m["state"] == "FAILED"), None)
        check("a 550 after the data is FAILED and recorded at its stage", wait(lambda: failed() is not None)
              and failed()["lastError"] == "end of data: 550 5.7.1 content refused", failed())
    finally:
        server.stop(); relay.stop()


def scenario_backlog(check):
    quiet = Server([])  # no relay configured: the outbox fills up
    try:
        for n in range(200):
            quiet.change_contacts(100 + n)
    finally:
        quiet.stop()
    relay = Relay(cert="localhost")
    server = Server(["--smtp", f"localhost:{relay.port}", "--smtp-ca-file", os.path.join(WORK, "ca.pem")], db=quiet.db)
    try:
        check("a 200-message backlog is delivered", wait(lambda: len(relay.messages) >= 200, 60), len(relay.messages))
        print(f"      backlog: {len(relay.messages)} messages over {relay.connections} connections")
        check("over few connections (one per batch of 50)", relay.connections <= 5, relay.connections)
    finally:
        server.stop(); relay.stop()


def scenario_ipv6(check):
    relay = Relay(host="::1", cert="ipv6")
    server = Server(["--smtp", f"[::1]:{relay.port}", "--smtp-ca-file", os.path.join(WORK, "ca.pem")])
    try:
        server.change_contacts(6)
        check("a relay on ::1 (IPv6), certificate checked against the address", wait(lambda: len(relay.messages) >= 1), last_error(server))
    finally:
        server.stop(); relay.stop()


def main():
    make_ca("ca"); make_ca("ca2")
    make_cert("localhost", "ca", "DNS:localhost")
    make_cert("wrongname", "ca", "DNS:wrong.example")
    make_cert("localhost2", "ca2", "DNS:localhost")
    make_cert("ipv6", "ca", "IP:::1")
    passed = failed = 0

    def check(name, ok, detail=None):
        nonlocal passed, failed
        if ok:
            passed += 1
            print(f"ok   {name}")
        else:
            failed += 1
            print(f"FAIL {name}: {detail}")

    for scenario in [scenario_starttls_with_auth, scenario_implicit, scenario_refused_certificates, scenario_no_starttls,
                     scenario_failure_stage, scenario_backlog, scenario_ipv6]:
        scenario(check)
    print(f"smtp-tls: {passed} passed, {failed} failed")
    sys.exit(1 if failed or not passed else 0)


if __name__ == "__main__":
    main()
