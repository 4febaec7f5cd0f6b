-- Prepended to every scenario script by bench/wrk.ts. It numbers the threads, keeps
-- a monotonic clock (a scenario that runs out of work stops early, and its rate must
-- be computed over the time it really ran), and prints one JSON line from wrk's
-- `done` hook for bench/wrk.ts to read: requests, latency percentiles, errors.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *t);
]]
local CLOCK_MONOTONIC = 1

function monotonic()
  local t = ffi.new("bench_timespec")
  ffi.C.clock_gettime(CLOCK_MONOTONIC, t)
  return tonumber(t.tv_sec) + tonumber(t.tv_nsec) / 1e9
end

local threads = {}

function setup(thread)
  -- Globals of each thread's own Lua state: tid counts from 0.
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

-- Scenarios that check the status of each answer call this from response().
function count_status(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function begin_thread()
  started = monotonic()
  statuses = {}
end

-- A thread that has no more work stops, noting when.
function stop_thread()
  stopped = monotonic()
  wrk.thread:stop()
end

function done(summary, latency, requests)
  local first, last, exhausted = nil, nil, false
  local statuses = {}
  for _, t in ipairs(threads) do
    local s, e = t:get("started"), t:get("stopped")
    if s and (not first or s < first) then first = s end
    if e then
      exhausted = true
      if not last or e > last then last = e end
    end
    local counts = t:get("statuses")
    if type(counts) == "table" then
      for status, n in pairs(counts) do
        local key = tostring(status)
        statuses[key] = (statuses[key] or 0) + n
      end
    end
  end
  local seconds = summary.duration / 1e6
  -- Every thread ran out of work before the end: the rate is over the time they ran.
  local all_stopped = exhausted
  for _, t in ipairs(threads) do
    if not t:get("stopped") then all_stopped = false end
  end
  if all_stopped and first and last then seconds = last - first end
  local parts = {}
  for status, n in pairs(statuses) do
    table.insert(parts, string.format('"%s":%d', status, n))
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"seconds":%.4f,"bytes":%d,' ..
    '"latencyUs":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f},' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"statuses":{%s},"ranOutOfWork":%s,"generatorCpuSeconds":%.3f}\n',
    summary.requests, seconds, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.status, e.timeout,
    table.concat(parts, ","), tostring(exhausted), os.clock()))
end
