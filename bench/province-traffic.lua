-- wrk script: the traffic a province's CA serves between bulk enrollments, to warm a service the way production
-- warms it. Issuance requests from the corpus named by CORPUS (as bench/issue.lua sends them), and one request in
-- twenty a clerk's or a portal's read (certificate lists, agencies, profiles, CAs).
-- Every request carries what real clients send beside the body: an Accept header and an Accept-Language of a
-- Vietnamese or English browser, portal or command line.
dofile("bench/wrk-common.lua")
local languages = {"vi", "en", "vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7", "en-US,en;q=0.9"}
local reads = {
  "/api/v1/certificates?agency=so-tp&size=20", "/api/v1/certificates?agency=so-tc&status=issued&size=50", "/api/v1/agencies",
  "/api/v1/profiles", "/api/v1/cas"
}
local token
local sent = 0

function init(args)
  load_corpus()
  token = "Bearer " .. os.getenv("TOKEN")
end

function request()
  sent = sent + 1
  local headers = {["Authorization"] = token, ["Accept"] = "application/json",
    ["Accept-Language"] = languages[sent % #languages + 1]}
  if sent % 20 == 0 then
    return wrk.format("GET", reads[(sent / 20) % #reads + 1], headers)
  end
  headers["Content-Type"] = "application/json"
  return wrk.format("POST", "/api/v1/certificates", headers, next_body())
end

-- wrk does not say which request an answer is for: a read answers 200, an issuance 201.
function response(status, headers, body)
  if status ~= 201 then
    check(status, body, 200)
  end
end
