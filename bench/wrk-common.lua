-- Shared by the wrk scripts (loaded with dofile): numbers the threads (each script's init sees its own `id`), counts
-- answers other than the expected status, showing the first three, and prints one RESULT line the shell scripts read.
-- Its errors are the socket errors and every answer other than the expected status (a 200 where 201 was expected
-- too, which wrk alone would not count).
unexpected = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function check(status, body, expected)
  if status ~= expected then
    unexpected = unexpected + 1
    if unexpected <= 3 then
      io.stderr:write("status " .. status .. ": " .. string.sub(body, 1, 300) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.2f rate=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + unexpected_answers()))
end

-- Summed over the threads' own Lua states; wrk's status errors (400 and above) are among them.
function unexpected_answers()
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("unexpected")
  end
  return total
end

-- The issuance corpus named by CORPUS, one JSON body a line, read by each thread (call load_corpus() in init) and
-- sent from that thread's own offset. A "{{n}}" in a body (a requestId) becomes this run's start time, the thread's
-- number and a counter, so that no two requests share a requestId, not even those of a later run against the same
-- service (a requestId sent again is answered from the certificate already issued).
local corpus = {}
local cursor = 1
local numbered = 0
local started = os.time()

function load_corpus()
  for line in io.lines(os.getenv("CORPUS")) do
    corpus[#corpus + 1] = line
  end
  cursor = (id * 7919) % #corpus + 1
end

function next_body()
  local body = corpus[cursor]
  cursor = cursor % #corpus + 1
  if string.find(body, "{{n}}", 1, true) then
    numbered = numbered + 1
    body = string.gsub(body, "{{n}}", started .. "-" .. id .. "-" .. numbered, 1)
  end
  return body
end
