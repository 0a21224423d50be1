-- wrk script for benchmarks/run.py.
-- wrk only counts answers >= 400 as errors; a redirect to the sign-in page would pass for a fast success,
-- so every non-2xx answer is counted here. The result is one line run.py parses, not wrk's human report.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non_2xx = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non_2xx = non_2xx + 1
  end
end

function done(summary, latency, requests)
  -- each thread has its own Lua state: the counts are collected from them here, in the main state
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non_2xx")
  end
  local errors = summary.errors
  io.write(string.format(
    "HOCVUSO_BENCH requests=%.0f duration_us=%.0f p50_us=%.0f p99_us=%.0f mean_us=%.0f max_us=%.0f "
      .. "non_2xx=%.0f connect=%.0f read=%.0f write=%.0f timeout=%.0f\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.mean,
    latency.max, bad, errors.connect, errors.read, errors.write, errors.timeout
  ))
end
