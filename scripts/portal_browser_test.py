"""The portal in a real browser: headless Chromium from Debian's packages driven by Selenium (the
project's virtual environment), against a fresh server started as `make run` starts it. Fields are
found by their visible labels and buttons by their text, as a person finds them. Screenshots of every
page, at 1280x800 and 390 px wide, land in .build/portal-screenshots/. Each check prints ok/FAIL; the
last line is "portal: N passed, M failed".
"""
import json, os, subprocess, sys, tempfile, time, urllib.request

from selenium import webdriver
from selenium.common.exceptions import (NoAlertPresentException, NoSuchElementException, StaleElementReferenceException,
                                        WebDriverException)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("BIN", os.path.join(ROOT, ".build", "debug", "megaport-server"))
SHOTS = os.path.join(ROOT, ".build", "portal-screenshots")
DRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
results = []


def check(name, ok, detail=""):
    results.append(bool(ok))
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + ("" if ok else f": {detail}"), flush=True)


class Person:
    """One browser window, used the way a person uses the portal."""
    def __init__(self, base):
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        options.add_argument("--headless=new")
        if os.geteuid() == 0: options.add_argument("--no-sandbox")
        options.add_argument("--window-size=1280,800")
        options.add_argument("--disable-dev-shm-usage")
        self.driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
        self.driver.implicitly_wait(0)
        self.base = base

    def open(self, path):
        self.driver.get(self.base + path)

    def area(self, heading=None):
        """The page, or the section/article/form whose heading reads `heading`."""
        if heading is None: return self.driver.find_element(By.TAG_NAME, "main")
        h = self.driver.find_element(By.XPATH, f"//main//*[self::h2 or self::h1][normalize-space()={json.dumps(heading)}]")
        return h.find_element(By.XPATH, "./ancestor::*[self::section or self::article or self::form][1]")

    def settled(self, action):
        """Runs an action, again (up to five times) if Chromium still held handles from before a layout
        change or the last navigation; elements are found afresh each time."""
        for attempt in range(5):
            try:
                return action()
            except (StaleElementReferenceException, WebDriverException) as error:
                transient = isinstance(error, StaleElementReferenceException) or "does not belong to the document" in str(error)
                if not transient or attempt == 4: raise
                time.sleep(0.3)

    def field(self, label, section=None):
        scope = self.area(section)
        node = scope.find_element(By.XPATH, f".//label[normalize-space()={json.dumps(label)}]")
        return self.driver.find_element(By.ID, node.get_attribute("for"))

    def type(self, label, text, section=None):
        def action():
            element = self.field(label, section)
            element.clear()
            element.send_keys(text)
        self.settled(action)

    def choose(self, label, visible_text, section=None):
        self.settled(lambda: Select(self.field(label, section)).select_by_visible_text(visible_text))

    def press(self, text, section=None):
        """Presses a button and waits for the page it leads to (every portal button submits a form): the
        old document is marked, and the wait ends when a document without the mark has loaded."""
        self.driver.execute_script("window.__left = true")
        self.settled(lambda: (self.area(section) if section else self.driver).find_element(
            By.XPATH, f".//button[normalize-space()={json.dumps(text)}]").click())
        WebDriverWait(self.driver, 15).until(
            lambda d: d.execute_script("return window.__left === undefined && document.readyState === 'complete'"))

    def read(self, xpath):
        """The visible text of every element matching `xpath`, read in the page (no element handles)."""
        return self.driver.execute_script("""
            const found = document.evaluate(arguments[0], document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
            return Array.from({length: found.snapshotLength}, (_, i) => found.snapshotItem(i).innerText);""", xpath)

    def has_button(self, text):
        return bool(self.read(f"//button[normalize-space()={json.dumps(text)}]"))

    def fill(self, section, entries):
        """Fills a form: (label, value) pairs, a value starting with "=" chosen from a list."""
        WebDriverWait(self.driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")
        for label, value in entries:
            if value.startswith("="): self.choose(label, value[1:], section)
            else: self.type(label, value, section)

    def heading(self):
        return (self.read("//h1") or [""])[0]

    def text(self):
        return self.driver.execute_script("return document.body.innerText")

    def sign_in(self, email, password="megaport-demo"):
        self.open("/portal/login")
        self.type("Email", email)
        self.type("Password", password)
        self.press("Sign in")

    def shoot(self, name):
        os.makedirs(SHOTS, exist_ok=True)
        self.driver.set_window_size(1280, 800)
        self.driver.save_screenshot(os.path.join(SHOTS, f"{name}-1280.png"))
        self.driver.set_window_size(390, 844)
        self.driver.save_screenshot(os.path.join(SHOTS, f"{name}-390.png"))
        wide = self.driver.execute_script("return document.documentElement.scrollWidth")
        self.driver.set_window_size(1280, 800)
        return wide

    def quit(self):
        self.driver.quit()


def api(base, method, path, token, body=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"X-Auth-Token": token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=15) as response:
        return json.loads(response.read() or b"null")


def main():
    work = tempfile.mkdtemp(prefix="portal-")
    common = ["--db", os.path.join(work, "portal.sqlite"), "--schema-dir", os.path.join(ROOT, "Schema")]
    demo = json.loads(subprocess.run([BIN, "demo", "--json"] + common, check=True, capture_output=True, text=True, timeout=120).stdout)
    company = subprocess.run([BIN, "admin", "create-company", "--name", "<script>alert(1)</script>", "--type", "DIRECT"] + common,
                             check=True, capture_output=True, text=True).stdout.strip()
    subprocess.run([BIN, "admin", "create-user", "--company", company, "--email", "owner@xss.example", "--position", "Company Admin",
                    "--password", "long-password"] + common, check=True, capture_output=True, text=True)
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([BIN, "serve", "--port", "0", "--provisioning-delay-ms", "300"] + common, stdout=log, stderr=subprocess.STDOUT)
    people = []
    try:
        port = None
        for _ in range(100):
            for line in open(os.path.join(work, "server.log")):
                if '"msg":"listening"' in line: port = json.loads(line)["port"]
            if port: break
            time.sleep(0.1)
        base = f"http://127.0.0.1:{port}"
        acme_token = demo["tokens"]["admin@acme.example"]
        acme_port, beta_port = demo["ports"]["The MEGAPORT at Global Switch"], demo["ports"]["Beta Cloud Sydney (Equinix SY1)"]

        # Sign in and out.
        alice = Person(base); people.append(alice)
        alice.sign_in("admin@acme.example", "wrong password")
        check("a wrong password shows a message and starts no session",
              "The email or password is not right." in alice.text() and alice.driver.get_cookie("mp_session") is None, alice.text()[:200])
        alice.shoot("sign-in")
        alice.sign_in("admin@acme.example")
        nav = alice.read("//nav//a")
        check("signed in: Services, Order, Marketplace, Profiles, Approvals, Company, Notifications, Users",
              nav == ["Services", "Order", "Marketplace", "Profiles", "Approvals", "Company", "Notifications", "Users"], nav)
        cookie = alice.driver.get_cookie("mp_session") or {}
        check("the session cookie is HttpOnly and SameSite=Lax", cookie.get("httpOnly") and cookie.get("sameSite") == "Lax", cookie)

        # Orders through the forms.
        alice.open("/portal/order")
        widths = [alice.shoot("order")]
        alice.fill("A port", [("Name", "Browser port"), ("Location", "=Global Switch Sydney"), ("Speed", "=10 Gbps")])
        alice.press("Order port", "A port")
        check("a port ordered through the form opens its page", alice.heading() == "Browser port" and "MEGAPORT" in alice.text(), alice.text()[:300])
        alice.open("/portal/order")
        alice.fill("A VXC", [("Name", "Browser VXC"), ("A-end", "=Browser port (10 Gbps)"), ("B-end", "=The MEGAPORT at Global Switch"),
                             ("A-end VLAN", "5000"), ("Speed (Mbps)", "100")])
        alice.press("Order VXC", "A VXC")
        vlan_error = alice.read("//input[@id='vxc-avlan']/following-sibling::p[@class='field-error']")
        check("a VLAN out of range is refused next to its field", vlan_error and "A-end VLAN" in vlan_error[0], vlan_error or alice.text()[:400])
        alice.fill("A VXC", [("A-end VLAN", "")])
        alice.press("Order VXC", "A VXC")
        check("a VXC ordered through the form opens its page", alice.heading() == "Browser VXC" and "VXC" in alice.text(), alice.text()[:300])
        widths.append(alice.shoot("service"))
        alice.open("/portal/order")
        alice.fill("An IX", [("Name", "Browser peering"), ("Port", "=The MEGAPORT at Global Switch"), ("Exchange", "=Sydney IX"),
                             ("ASN", "64513"), ("MAC address", "00:11:22:33:44:99")])
        alice.press("Order IX", "An IX")
        check("an IX ordered through the form opens its page", alice.heading() == "Browser peering" and "Sydney IX" in alice.text(), alice.text()[:300])
        alice.open("/portal/services")
        widths.append(alice.shoot("services"))
        check("the services list shows the new port and VXC", "Browser port" in alice.text() and "Browser VXC" in alice.text())

        # Support contacts: a phone outside the market is refused beside the field, then a good one saved.
        alice.open("/portal/company")
        alice.type("Support phone", "+1 202 555 0100")
        alice.press("Save")
        error = alice.read("//input[@id='supportPhone']/following-sibling::p[@class='field-error']")
        check("a support phone outside the billing market is refused next to the field", error and "Support phone" in error[0],
              alice.text()[:400])
        alice.type("Support phone", "+61 2 9876 5432")
        alice.press("Save")
        check("a valid support phone is saved", "Support contact details saved." in alice.text()
              and api(base, "GET", "/secure/company/contacts", acme_token)["supportPhone"] == "+61298765432")
        widths.append(alice.shoot("company"))

        # CSRF: a form whose CSRF value is gone is refused.
        alice.driver.execute_script("document.querySelector(\"form[action='/portal/company'] input[name=csrf]\").remove()")
        alice.type("Support phone", "+61 2 9000 1111")
        alice.press("Save")
        check("a form without its CSRF value is refused (403)", "reload the page" in alice.text()
              and api(base, "GET", "/secure/company/contacts", acme_token)["supportPhone"] == "+61298765432", alice.text()[:300])

        # A read-only user sees the contacts without Save.
        reader = Person(base); people.append(reader)
        reader.sign_in("readonly@acme.example")
        reader.open("/portal/company")
        check("a read-only user sees the contacts and no Save button", "+61298765432" in reader.text() and not reader.has_button("Save"))

        # A provider denies (a reason is required) and accepts connection requests.
        vxcs = [api(base, "POST", "/secure/ecommerce/vxc/order", acme_token,
                    {"payerMegaPortNsId": acme_port, "nonPayerMegaPortNsId": beta_port, "speed": 100, "serviceName": f"to Beta {n}"})
                for n in (1, 2)]
        beta = Person(base); people.append(beta)
        beta.sign_in("admin@betacloud.example")
        beta.open("/portal/approvals")
        widths.append(beta.shoot("approvals"))
        first = "Acme Networks: to Beta 1"
        beta.press("Deny", first)
        check("a deny without a reason is refused with a visible message", "A reason is required to deny a request." in beta.text())
        beta.type("Reason", "not in this region", first)
        beta.press("Deny", first)
        second = "Acme Networks: to Beta 2"
        beta.press("Accept", second)
        history = " ".join(beta.read("//h2[normalize-space()='History']/following-sibling::div"))
        check("decided requests move to the history", "REJECTED" in history and "APPROVED" in history and "not in this region" in history, history)
        states = [api(base, "GET", f"/secure/technicalservice/{v['vxcJTechnicalServiceId']}", acme_token)["provisioningStatus"] for v in vxcs]
        check("the API shows the denied VXC failed and the accepted one provisioned", states[0] == "FAILED" and states[1] in ("CONFIGURED", "LIVE"), states)

        # A provider sells through a service profile; a buyer fills in its fields and buys; the provider sees them.
        beta.open("/portal/profiles")
        beta.fill("New profile", [("Name", "Beta browser L2"), ("Speeds (Mbps, comma-separated; blank: any)", "100, 200"),
                                  ("Key", "circuitRef"), ("Label", "Circuit reference"),
                                  ("Rule", "^CR-[0-9]{6}$")])
        beta.settled(lambda: beta.area("New profile").find_element(By.XPATH, ".//label[contains(., 'Beta Cloud Sydney')]/input").click())
        beta.settled(lambda: beta.area("New profile").find_element(By.XPATH, ".//fieldset[1]//label[contains(., 'Required')]/input").click())
        beta.press("Create profile")
        check("a profile created through the form is listed under Sell", "Beta browser L2" in " ".join(beta.read("//table")), beta.text()[:400])
        alice.open("/portal/profiles")
        widths.append(alice.shoot("profiles"))
        alice.fill("Beta browser L2", [("Circuit reference", "CR-12")])
        alice.press("Buy", "Beta browser L2")
        error = alice.read("//article[.//h2[normalize-space()='Beta browser L2']]//p[contains(@class, 'field-error')]")
        check("a buyer field that breaks its rule is refused next to the field", error and "must match" in error[0], error or alice.text()[:400])
        alice.fill("Beta browser L2", [("Circuit reference", "CR-123456"), ("Speed (Mbps)", "=200 Mbps")])
        alice.press("Buy", "Beta browser L2")
        bought = alice.heading()
        beta.open("/portal/approvals")
        check("the buyer's VXC opens its page and the provider's request shows the value",
              bought.startswith("from ") and "CR-123456" in beta.text(), (bought, beta.text()[:300]))

        # Every other page, looked at (titles as the navigation names them), all narrow enough for a phone.
        titles = {}
        for page in ("marketplace", "notifications", "users"):
            alice.open(f"/portal/{page}")
            titles[page] = alice.heading()
            widths.append(alice.shoot(page))
        check("Marketplace, Notifications and Users open with their titles",
              titles == {"marketplace": "Marketplace", "notifications": "Notifications", "users": "Users"}, titles)
        check("every page fits a 390 px wide screen", max(widths) <= 392, widths)

        # A company named like a script renders as text.
        mallory = Person(base); people.append(mallory)
        mallory.sign_in("owner@xss.example", "long-password")
        mallory.open("/portal/company")
        try:
            mallory.driver.switch_to.alert
            alerted = True
        except NoAlertPresentException:
            alerted = False
        check("a company named <script>alert(1)</script> renders as text", not alerted and "<script>alert(1)</script>" in mallory.text())

        # Sign out.
        alice.press("Sign out")
        alice.open("/portal/services")
        check("after Sign out the portal asks to sign in again", alice.heading() == "Sign in")
    except (NoSuchElementException, WebDriverException) as error:
        check("the page has what a person looks for", False, str(error).splitlines()[0])
    finally:
        for person in people: person.quit()
        server.terminate()
        server.wait(timeout=10)
    passed = sum(results)
    print(f"portal: {passed} passed, {len(results) - passed} failed")
    sys.exit(0 if results and passed == len(results) else 1)


if __name__ == "__main__":
    main()
