-- wrk script: revoke the certificates whose serials are listed one a line in the file named by SERIALS, each once,
-- with the bearer token in TOKEN; each thread takes its own share of the list.
local serials = {}
local next_index = 1
local last_index = 0
local errors = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local all = {}
  for line in io.lines(os.getenv("SERIALS")) do
    all[#all + 1] = line
  end
  local share = math.floor(#all / 2)
  for i = id * share + 1, (id + 1) * share do
    serials[#serials + 1] = all[i]
  end
  headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}
  body = '{"reason":"keyCompromise","ticket":"BENCH-1"}'
end

function request()
  local serial = serials[next_index]
  next_index = next_index + 1
  return wrk.format("POST", "/api/v1/certificates/" .. serial .. "/revocation", headers, body)
end

function response(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
    if errors <= 3 then
      io.stderr:write("status " .. status .. ": " .. string.sub(body, 1, 300) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.2f rate=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
