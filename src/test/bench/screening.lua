-- wrk script of run.sh: POSTs BENCH_BODY (an intake of intakes/, or the CDS Hooks call of cds/) to the URL given.
-- BENCH_SHAPE goes as X-Bench-Shape: the floor answers with its recording of that shape; Mesoscreen ignores it.
-- BENCH_LANGUAGE goes as Accept-Language (a Russian patient's browser sends ru). With BENCH_TOKENS (a file,
-- one JWT a line), each request carries the next token as its bearer, since a jti is accepted once; done()
-- prints "tokens: SENT sent, DISTINCT distinct", and run.sh flags a product round that ran out (run.sh uses one
-- wrk thread: with more, each would send the same tokens).
-- wrk counts any status but 2xx/3xx as "Non-2xx or 3xx responses", which run.sh reports as errors.
local file = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept-Language"] = os.getenv("BENCH_LANGUAGE") or "en"
wrk.headers["X-Bench-Shape"] = os.getenv("BENCH_SHAPE") or "findings"
wrk.body = file:read("*a")
file:close()
-- BENCH_KEY: an API key, for a service started with MESOSCREEN_API_KEYS.
if os.getenv("BENCH_KEY") then
  wrk.headers["X-API-Key"] = os.getenv("BENCH_KEY")
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

if os.getenv("BENCH_TOKENS") then
  local tokens = {}
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    if line ~= "" then tokens[#tokens + 1] = line end
  end
  assert(#tokens > 0, "no tokens in " .. os.getenv("BENCH_TOKENS"))
  distinct = #tokens
  sent = 0
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  -- Past the last token it starts again: the service then answers 401 (replay), counted as errors.
  function request()
    sent = sent + 1
    headers["Authorization"] = "Bearer " .. tokens[(sent - 1) % distinct + 1]
    return wrk.format(nil, nil, headers, wrk.body)
  end
end

function done(summary, latency, requests)
  local sent, distinct = 0, 0
  for _, thread in ipairs(threads) do
    sent = sent + (thread:get("sent") or 0)
    distinct = distinct + (thread:get("distinct") or 0)
  end
  if distinct > 0 then
    io.write(string.format("tokens: %d sent, %d distinct\n", sent, distinct))
  end
end
