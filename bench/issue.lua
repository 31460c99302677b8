-- wrk script: POST pre-generated issuance requests (the corpus of wrk-common.lua, named by CORPUS) with the bearer
-- token in TOKEN.
dofile("bench/wrk-common.lua")

function init(args)
  load_corpus()
  headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}
end

function request()
  return wrk.format("POST", "/api/v1/certificates", headers, next_body())
end

function response(status, headers, body)
  check(status, body, 201)
end
