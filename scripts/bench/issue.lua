-- wrk script: issue tickets.  POST /api/v1/tickets  {"service":"<code>"}
--   wrk -s scripts/bench/issue.lua http://127.0.0.1:PORT -- HT
-- The service code comes after "--" (default HT). Counts every response by status
-- and prints, at the end, one line for scripts/bench.sh:
--   BENCH requests=… seconds=… rps=… ok=… non2xx=… p50_us=… p90_us=… p99_us=… max_us=… statuses=201:…,409:…
-- Note: defining response() makes wrk hand every response to Lua; that costs wrk some
-- CPU, far less than the daemon's work per ticket.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   local service = args[1] or "HT"
   wrk.method = "POST"
   wrk.path = "/api/v1/tickets"
   wrk.headers["Content-Type"] = "application/json"
   wrk.headers["Accept"] = "application/json"
   wrk.body = '{"service":"' .. service .. '"}'
   statuses = {}
end

function response(status, headers, body)
   local key = tostring(status)
   statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
   local all = {}
   for _, thread in ipairs(threads) do
      local s = thread:get("statuses") or {}
      for code, n in pairs(s) do
         all[code] = (all[code] or 0) + n
      end
   end
   local codes = {}
   for code in pairs(all) do table.insert(codes, code) end
   table.sort(codes)
   local ok, non2xx, parts = 0, 0, {}
   for _, code in ipairs(codes) do
      local n = all[code]
      if code:sub(1, 1) == "2" then ok = ok + n else non2xx = non2xx + n end
      table.insert(parts, code .. ":" .. n)
   end
   local seconds = summary.duration / 1e6
   local e = summary.errors
   io.write(string.format(
      "BENCH requests=%d seconds=%.2f rps=%.1f ok=%d non2xx=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d " ..
      "errors=connect:%d,read:%d,write:%d,timeout:%d statuses=%s\n",
      summary.requests, seconds, summary.requests / seconds, ok, non2xx,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
      e.connect, e.read, e.write, e.timeout,
      (#parts > 0) and table.concat(parts, ",") or "none"))
end
