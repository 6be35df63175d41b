#!/usr/bin/env python3
"""Byte-identity A/B of two builds: prints one line per request (name, status, sha256 of the body) for
a corpus of every rule example's intake, the bench intakes, each also without its procedure (the
whole catalogue screened), in en, ru and tr, plus the GET reads. Run it against the old and the new
jar on loopback and diff the outputs:  src/test/bench/identity.py http://127.0.0.1:PORT > new.tsv
"""
import glob, hashlib, json, sys, urllib.request, urllib.error
import yaml

base = sys.argv[1].rstrip("/")

def call(method, path, body=None, language="en", content_type="application/json"):
    request = urllib.request.Request(base + path, method=method, data=body,
                                     headers={"Accept-Language": language, "Content-Type": content_type})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()

intakes = []
for path in sorted(glob.glob("rules/checks/*.yaml")):
    rule = yaml.safe_load(open(path, encoding="utf-8"))
    for example in rule.get("examples", []):
        intakes.append((f"{rule['id']}: {example['name']}", example["intake"]))
for path in sorted(glob.glob("src/test/bench/intakes/*.json")):
    intakes.append((path, json.load(open(path, encoding="utf-8"))))
for name, intake in list(intakes):
    if "procedure" in intake:
        intakes.append((name + " (whole catalogue)", {k: v for k, v in intake.items() if k != "procedure"}))

def line(name, status, body):
    print(f"{name}\t{status}\t{hashlib.sha256(body).hexdigest()}")

for language in ("en", "ru", "tr"):
    for name, intake in intakes:
        status, body = call("POST", "/v1/screenings", json.dumps(intake, default=str).encode(), language)
        line(f"{language} {name}", status, body)
    for path in ("/v1/procedures", "/v1/rules", "/v1/rules/pregnancy", "/v1/questionnaire",
                 "/v1/questionnaire?procedure=hydralift", "/fhir/Questionnaire/mesoscreen-intake",
                 "/fhir/CodeSystem/answer"):
        status, body = call("GET", path, language=language)
        line(f"{language} GET {path}", status, body)
