#!/usr/bin/env python3
"""Byte-identity A/B of two builds: prints one line per request (name, status, sha256 of the body) for
a corpus of every rule example's intake, every bench intake (src/test/bench/intakes/*.json: the web
forms in en, ru and tr included), each also without its procedure (the whole catalogue screened), in
en, ru and tr, plus the GET reads, and, when BENCH_CDS_TOKENS names a file of signed tokens (one a
line, for this service's URL), the bench's CDS Hooks call in en, ru and tr, each with its own token,
the cards' random uuids and the service's address masked. Run it against the old and the new jar and diff the outputs; the
simplest way, which also makes the tokens and the JWK Set the service trusts:
    src/test/bench/run.sh identity                                  # -> target/bench/identity.tsv
    PRODUCT_JAR=old/quarkus-app/quarkus-run.jar IDENTITY_OUT=old.tsv src/test/bench/run.sh identity
Or by hand, without the CDS call:  src/test/bench/identity.py http://127.0.0.1:PORT > new.tsv
"""
import glob, hashlib, json, os, re, sys, urllib.request, urllib.error
import yaml

base = sys.argv[1].rstrip("/")

def call(method, path, body=None, language="en", content_type="application/json", token=None):
    headers = {"Accept-Language": language, "Content-Type": content_type}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(base + path, method=method, data=body, headers=headers)
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

# The CDS Hooks call: every call needs a token of its own (a jti is accepted once); a card's uuid is new each time.
if os.environ.get("BENCH_CDS_TOKENS"):
    tokens = [t for t in open(os.environ["BENCH_CDS_TOKENS"], encoding="ascii").read().split() if t]
    body = open(os.environ.get("BENCH_CDS_BODY", "target/bench/cds.json"), "rb").read()
    uuid = re.compile(rb'"uuid":"[0-9a-f-]{36}"')
    for language in ("en", "ru", "tr"):
        status, answer = call("POST", "/cds-services/mesoscreen-appointment-book", body, language, token=tokens.pop())
        answer = uuid.sub(b'"uuid":"-"', answer).replace(base.encode(), b"BASE")  # links name the port
        line(f"{language} CDS appointment-book (src/test/bench/cds)", status, answer)
