-- wrk script for scripts/bench/intake: every request files one complaint as one of many
-- signed-in consumers (round robin over their sessions), with a fresh Idempotency-Key.
--
-- Env: WQ_BENCH_TOKENS (file: "cookie<TAB>csrf" per line), WQ_BENCH_BODIES (file: one JSON
-- request body per line), WQ_BENCH_RESULT (file the summary is written to, as JSON).

local tokens, bodies = {}, {}
local counter = 0
local run = os.getenv("WQ_BENCH_RUN") or "run"
-- set by setup() in each thread's state (a global: thread:set writes globals)
thread_id = 0
local next_thread = 0
local threads = {}

local function lines(path)
  local out = {}
  for line in io.lines(path) do
    if #line > 0 then out[#out + 1] = line end
  end
  return out
end

function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_id", next_thread)
  threads[#threads + 1] = thread
end

function init(args)
  for _, line in ipairs(lines(os.getenv("WQ_BENCH_TOKENS"))) do
    local cookie, csrf = line:match("^([^\t]+)\t(.+)$")
    tokens[#tokens + 1] = { cookie = cookie, csrf = csrf }
  end
  bodies = lines(os.getenv("WQ_BENCH_BODIES"))
  -- Threads start at different sessions so that they do not move in step.
  counter = (thread_id - 1) * 7919
  wrk.method = "POST"
end

function request()
  counter = counter + 1
  local t = tokens[(counter % #tokens) + 1]
  local body = bodies[(counter % #bodies) + 1]
  local headers = {
    ["Content-Type"] = "application/json",
    ["Cookie"] = t.cookie,
    ["X-CSRF-Token"] = t.csrf,
    ["Idempotency-Key"] = string.format("bench-%s-%d-%d", run, thread_id, counter),
  }
  return wrk.format("POST", "/api/v1/orders", headers, body)
end

-- Answers by status, so that the harness can insist on 201 for every one.
statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local sums, by_status = {}, {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("statuses")) do
      sums[status] = (sums[status] or 0) + n
    end
  end
  for status, n in pairs(sums) do
    by_status[#by_status + 1] = string.format('"%d": %d', status, n)
  end
  local f = assert(io.open(os.getenv("WQ_BENCH_RESULT"), "w"))
  f:write(string.format(
    '{"requests": %d, "duration_us": %d, "non_2xx": %d, "socket_errors": %d, ' ..
    '"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f, ' ..
    '"statuses": {%s}}\n',
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50.0), latency:percentile(90.0), latency:percentile(99.0),
    latency.max, latency.mean, table.concat(by_status, ", ")))
  f:close()
end
