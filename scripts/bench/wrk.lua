-- wrk.lua — the requests of one API load test, chosen by BENCH_MODE:
--   head    HEAD /v1/domains/{d}, a new free domain each time (404 = available)
--   offers  GET /v1/offers?country=US
--   create  POST /v1/customers, a new domain each time (201)
--   replay  POST /v1/customers, one MS-RequestId and body again and again (201)
-- Each thread stops after BENCH_LIMIT responses, so a test is bounded in
-- requests as well as in time. done() prints one line "BENCH {json}".
local ffi = require("ffi")
local mode = os.getenv("BENCH_MODE")
local token = os.getenv("BENCH_TOKEN")
local body = os.getenv("BENCH_BODY")
local limit = tonumber(os.getenv("BENCH_LIMIT"))
local expected = tonumber(os.getenv("BENCH_EXPECT"))
local run = os.getenv("BENCH_RUN")

local threads = {}
local next_id = 0

-- wrk always waits out -d, even when every thread stopped early, and its
-- summary.duration is then too long: the threads time themselves instead.
ffi.cdef([[
  struct bench_timespec { long tv_sec; long tv_nsec; };
  int clock_gettime(int clock, struct bench_timespec *now);
]])
local function now_us()
  local time = ffi.new("struct bench_timespec")
  ffi.C.clock_gettime(1, time) -- CLOCK_MONOTONIC
  return tonumber(time.tv_sec) * 1e6 + tonumber(time.tv_nsec) / 1e3
end

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

local headers = {
  ["Authorization"] = "Bearer " .. token,
  ["Content-Type"] = "application/json",
}
local counter = 0
local responses = 0
unexpected = 0
-- status → count, of the responses with another status than BENCH_EXPECT
wrong = {}

-- A domain prefix no other request of this run uses.
local function fresh_prefix()
  counter = counter + 1
  return string.format("b%s%st%dn%d", mode:sub(1, 1), run, id, counter)
end

function init(args)
  started_us = now_us()
  if mode == "replay" then
    headers["MS-RequestId"] = "bench-replay-" .. run
  end
end

function request()
  if mode == "head" then
    return wrk.format("HEAD", "/v1/domains/" .. fresh_prefix() .. ".onmicrosoft.com", headers)
  elseif mode == "offers" then
    return wrk.format("GET", "/v1/offers?country=US", headers)
  elseif mode == "create" then
    return wrk.format("POST", "/v1/customers", headers, (body:gsub("DOMAIN_PREFIX", fresh_prefix())))
  else
    return wrk.format("POST", "/v1/customers", headers, body)
  end
end

function response(status, response_headers, response_body)
  responses = responses + 1
  if status ~= expected then
    unexpected = unexpected + 1
    wrong[status] = (wrong[status] or 0) + 1
  end
  if responses >= limit and not stopped_us then
    stopped_us = now_us()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local unexpected_total = 0
  local statuses = {}
  local first_start, last_stop, all_stopped = math.huge, 0, true
  for _, thread in ipairs(threads) do
    unexpected_total = unexpected_total + (thread:get("unexpected") or 0)
    for status, count in pairs(thread:get("wrong") or {}) do
      statuses[status] = (statuses[status] or 0) + count
    end
    first_start = math.min(first_start, thread:get("started_us"))
    local stopped = thread:get("stopped_us")
    if stopped then
      last_stop = math.max(last_stop, stopped)
    else
      all_stopped = false
    end
  end
  local duration = summary.duration
  if all_stopped then
    duration = last_stop - first_start
  end
  local wrong_statuses = {}
  for status, count in pairs(statuses) do
    table.insert(wrong_statuses, string.format('"%d":%d', status, count))
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH {"capped":%s,"requests":%d,"duration_us":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"socket_errors":%d,"unexpected_status":%d,"statuses":{%s}}\n',
    tostring(all_stopped), summary.requests, duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max,
    errors.connect + errors.read + errors.write + errors.timeout, unexpected_total,
    table.concat(wrong_statuses, ",")))
end
