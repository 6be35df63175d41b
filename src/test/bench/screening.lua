-- wrk script: POST the intake named by BENCH_BODY (a file of src/test/bench/intakes) to the URL given.
-- wrk counts any status but 2xx/3xx as "Non-2xx or 3xx responses", which run.sh reports as errors.
local file = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = file:read("*a")
file:close()
