-- One phase of bench/load-wrk.sh, as wrk runs it (once per wrk thread).
--   WRK_TOKEN: sent as "Authorization: Bearer <token>" when set.
--   WRK_BODY_FILE: when set, each request is a POST of that file's contents as JSON.
-- At the end it prints one line for the script to read:
--   RESULT <requests a second> <p50 ms> <p99 ms> <errors: non-2xx/3xx answers and socket errors> <requests>
local token = os.getenv("WRK_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
local body_file = os.getenv("WRK_BODY_FILE")
if body_file and body_file ~= "" then
  local file = assert(io.open(body_file, "rb"))
  wrk.body = file:read("*a")
  file:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status + e.connect + e.read + e.write + e.timeout, summary.requests))
end
