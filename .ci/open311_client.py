#!/usr/bin/env python3
"""An Open311 client written by others (PyPI `georeport`) against the real
daemon: list the services, read a service definition, post a request (georeport
has no create call, so the POST is a plain form-encoded `requests.post` as the
GeoReport v2 standard describes it) and read it back, alone and in a list.

Then XML, the standard's required format, the way FixMyStreet's Open311
client (perllib/Open311.pm) uses it: services.xml, services/CODE.xml, a POST
to requests.xml with jurisdiction_id and the reporter's names and e-mail,
`<request><service_request_id>` read back, requests.xml?service_request_id=,
and errors as `<errors><error>`; parsed with Python's xml.etree only.

Usage: open311_client.py PATH/TO/gridwatch
"""
import os
import re
import subprocess
import sys
import tempfile
import threading

import xml.etree.ElementTree as ET

import georeport
import requests

binary = os.path.abspath(sys.argv[1])
checks = []


def check(name, ok, detail=""):
    checks.append(ok)
    print(("ok   " if ok else "FAIL ") + name + (f": {detail}" if detail and not ok else ""))


with tempfile.TemporaryDirectory() as room:
    env = dict(os.environ, GRIDWATCH_API_KEYS="client-key")
    env.pop("GRIDWATCH_CONFIG", None)
    env.pop("GRIDWATCH_DB", None)
    subprocess.run([binary, "init"], cwd=room, env=env, check=True, capture_output=True)
    daemon = subprocess.Popen([binary, "intake", "--bind", "127.0.0.1:0"], cwd=room, env=env,
                              stderr=subprocess.PIPE, text=True)
    try:
        m, seen = None, []
        while not m:
            line = daemon.stderr.readline()
            if not line:
                raise SystemExit(f"the daemon did not say where it listens: {seen!r}")
            seen.append(line)
            m = re.search(r"http://([\d.]+:\d+)/open311/v2/", line)
        # Keep reading its log, so a full pipe can never stall it.
        threading.Thread(target=lambda: [None for _ in daemon.stderr], daemon=True).start()
        root = f"http://{m.group(1)}/open311/v2"
        client = georeport.GeoReport(root, api_key="client-key")

        services = client.get_service_list()
        codes = [s["service_code"] for s in services]
        check("get_service_list", "air" in codes and "water" in codes, codes)

        definition = client.get_service_definition("air")
        attrs = [a["code"] for a in definition.get("attributes", [])]
        check("get_service_definition", "external_ref" in attrs, definition)

        form = {
            "api_key": "client-key", "service_code": "air", "lat": "30.512", "long": "114.301",
            "address_string": "临江经济开发区化工园纬2路13号", "description": "black smoke from the stack",
            "attribute[external_ref]": "CLIENT-1", "attribute[source]": "web",
        }
        r = requests.post(f"{root}/requests.json", data=form, timeout=10)
        body = r.json()
        sid = body[0]["service_request_id"] if r.ok else None
        check("POST requests.json", r.status_code == 201 and sid, (r.status_code, body))
        r2 = requests.post(f"{root}/requests.json", data=form, timeout=10)
        check("POST again, same external_ref", r2.status_code == 200 and r2.json()[0]["service_request_id"] == sid, r2.text)

        one = client.get_service_request(sid)
        check("get_service_request", one["service_request_id"] == sid and one["status"] == "open"
              and one["expected_datetime"] and one["description"] == "black smoke from the stack", one)

        many = client.get_service_requests(service_code="air", status="open")
        check("get_service_requests", [x["service_request_id"] for x in many] == [sid], many)

        bad = requests.post(f"{root}/requests.json", data=dict(form, api_key="wrong"), timeout=10)
        check("bad key is 403 with an Open311 error", bad.status_code == 403 and bad.json()[0]["code"] == 403, bad.text)

        # XML, as FixMyStreet's client speaks it.
        jurisdiction = "linjiang.example.cn"
        base = root.rsplit("/v2", 1)[0]
        d = requests.get(f"{base}/discovery.xml", timeout=10)
        doc = ET.fromstring(d.content)
        urls = [e.findtext("url") for e in doc.iter("endpoint")]
        fmts = [f.text for f in doc.iter("format")]
        check("discovery.xml", d.ok and urls == [root] and "text/xml" in fmts, d.text)

        x = requests.get(f"{root}/services.xml", params={"jurisdiction_id": jurisdiction}, timeout=10)
        doc = ET.fromstring(x.content)
        codes = [s.findtext("service_code") for s in doc.findall("service")]
        check("services.xml", x.ok and doc.tag == "services" and "air" in codes
              and x.headers.get("content-type", "").startswith("text/xml"), x.text[:200])

        x = requests.get(f"{root}/services/water.xml", params={"jurisdiction_id": jurisdiction}, timeout=10)
        doc = ET.fromstring(x.content)
        check("services/water.xml", x.ok and doc.tag == "service_definition"
              and "external_ref" in [a.findtext("code") for a in doc.iter("attribute")], x.text[:200])

        fms = {
            "jurisdiction_id": jurisdiction, "api_key": "client-key", "service_code": "water",
            "lat": "30.5012", "long": "114.2987", "email": "citizen@example.cn",
            "first_name": "Li", "last_name": "", "phone": "13800001111",
            "description": "title:  oil on the river\n\ndetail: a film of oil near the ferry\n\nSubmitted via FixMyStreet\n",
            "attribute[external_ref]": "FMS-77",
        }
        x = requests.post(f"{root}/requests.xml", data=fms, timeout=10)
        doc = ET.fromstring(x.content)
        xid = doc.findtext("request/service_request_id")
        check("POST requests.xml", x.status_code == 201 and doc.tag == "service_requests" and xid, x.text)

        x = requests.get(f"{root}/requests.xml", params={"jurisdiction_id": jurisdiction, "service_request_id": xid},
                         timeout=10)
        doc = ET.fromstring(x.content)
        reqs = doc.findall("request")
        check("requests.xml?service_request_id=", x.ok and len(reqs) == 1
              and reqs[0].findtext("service_request_id") == xid and reqs[0].findtext("status") == "open", x.text)

        x = requests.post(f"{root}/requests.xml", data=dict(fms, api_key="wrong"), timeout=10)
        doc = ET.fromstring(x.content)
        check("bad key in XML", x.status_code == 403 and doc.tag == "errors"
              and doc.findtext("error/code") == "403", x.text)
        x = requests.get(f"{root}/services.xml", params={"jurisdiction_id": "elsewhere.gov"}, timeout=10)
        doc = ET.fromstring(x.content)
        check("another jurisdiction is 404", x.status_code == 404 and doc.findtext("error/code") == "404", x.text)
    finally:
        daemon.terminate()
        daemon.wait(timeout=30)

passed = sum(1 for c in checks if c)
print(f"georeport: {passed} passed, {len(checks) - passed} failed")
sys.exit(0 if passed == len(checks) else 1)
