-- wrk script: revoke the certificates whose serials are listed one a line in the file named by SERIALS, each once,
-- with the bearer token in TOKEN; each thread takes its own share of the list.
dofile("bench/wrk-common.lua")
local serials = {}
local next_index = 1

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
  check(status, body, 200)
end
