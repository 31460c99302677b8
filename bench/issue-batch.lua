-- wrk script: POST /api/v1/certificates/batch, each request BATCH (default 5) bodies of the corpus that
-- bench/issue.lua sends one at a time (CORPUS, TOKEN). An answer counts as an error unless it is 200 with every item
-- issued (201).
dofile("bench/wrk-common.lua")
local size = tonumber(os.getenv("BATCH") or "5")

function init(args)
  load_corpus()
  headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}
end

function request()
  local items = {}
  for i = 1, size do
    items[i] = next_body()
  end
  return wrk.format("POST", "/api/v1/certificates/batch", headers, '{"requests":[' .. table.concat(items, ",") .. ']}')
end

function response(status, headers, body)
  local _, issued = string.gsub(body, '"status":201', "")
  check(issued == size and status or 0, body, 200)
end
