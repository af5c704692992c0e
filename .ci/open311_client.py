#!/usr/bin/env python3
"""An Open311 client written by others (PyPI `georeport`) against the real
daemon: list the services, read a service definition, post a request (georeport
has no create call, so the POST is a plain form-encoded `requests.post` as the
GeoReport v2 standard describes it) and read it back, alone and in a list.

Usage: open311_client.py PATH/TO/gridwatch
"""
import os
import re
import subprocess
import sys
import tempfile

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
        first = daemon.stderr.readline()
        m = re.search(r"http://([\d.]+:\d+)/open311/v2/", first)
        if not m:
            raise SystemExit(f"the daemon did not say where it listens: {first!r}")
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
    finally:
        daemon.terminate()
        daemon.wait(timeout=30)

passed = sum(1 for c in checks if c)
print(f"georeport: {passed} passed, {len(checks) - passed} failed")
sys.exit(0 if passed == len(checks) else 1)
