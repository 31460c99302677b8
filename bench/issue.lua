-- wrk script: POST pre-generated issuance requests (one JSON body a line in the file named by the CORPUS
-- environment variable) with the bearer token in TOKEN, each thread starting at its own offset.
local bodies = {}
local next_index = 1
local errors = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("CORPUS")) do
    bodies[#bodies + 1] = line
  end
  next_index = (id * 7919) % #bodies + 1
  headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}
end

function request()
  local body = bodies[next_index]
  next_index = next_index % #bodies + 1
  return wrk.format("POST", "/api/v1/certificates", headers, body)
end

function response(status, headers, body)
  if status ~= 201 then
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
