-- wrk script: POST /api/v1/certificates/batch, each request BATCH (default 5) bodies of the corpus that
-- bench/issue.lua sends one at a time (CORPUS, TOKEN). An answer counts as an error unless it is 200 with every item
-- issued (201).
dofile("bench/wrk-common.lua")
local bodies = {}
local next_index = 1
local size = tonumber(os.getenv("BATCH") or "5")
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
  local items = {}
  for i = 1, size do
    sent = sent + 1
    items[i] = string.gsub(bodies[next_index], "{{n}}", started .. "-" .. id .. "-" .. sent, 1)
    next_index = next_index % #bodies + 1
  end
  return wrk.format("POST", "/api/v1/certificates/batch", headers, '{"requests":[' .. table.concat(items, ",") .. ']}')
end

function response(status, headers, body)
  local _, issued = string.gsub(body, '"status":201', "")
  check(issued == size and status or 0, body, 200)
end
