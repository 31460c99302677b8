-- wrk script: POST pre-generated issuance requests (one JSON body a line in the file named by the CORPUS
-- environment variable) with the bearer token in TOKEN, each thread starting at its own offset. A "{{n}}" in a body
-- (a requestId) becomes this run's start time, the thread's number and a counter, so that no two requests share a
-- requestId, not even those of a later run against the same service (a requestId sent again is answered from the
-- certificate already issued).
dofile("bench/wrk-common.lua")
local bodies = {}
local next_index = 1
function init(args)
  for line in io.lines(os.getenv("CORPUS")) do
    bodies[#bodies + 1] = line
  end
  next_index = (id * 7919) % #bodies + 1
  headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}
end

local sent = 0
local started = os.time()

function request()
  local body = bodies[next_index]
  if string.find(body, "{{n}}", 1, true) then
    sent = sent + 1
    body = string.gsub(body, "{{n}}", started .. "-" .. id .. "-" .. sent, 1)
  end
  next_index = next_index % #bodies + 1
  return wrk.format("POST", "/api/v1/certificates", headers, body)
end

function response(status, headers, body)
  check(status, body, 201)
end
