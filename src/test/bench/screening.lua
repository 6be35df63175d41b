-- wrk script: POST the intake named by BENCH_BODY (a file of src/test/bench/intakes) to the URL given.
-- wrk counts any status but 2xx/3xx as "Non-2xx or 3xx responses", which run.sh reports as errors.
local file = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = file:read("*a")
-- BENCH_KEY: an API key, for a service started with MESOSCREEN_API_KEYS.
if os.getenv("BENCH_KEY") then
  wrk.headers["X-API-Key"] = os.getenv("BENCH_KEY")
end
file:close()
