-- wrk -s attack.lua http://127.0.0.1:PORT/PATH -- DIR CLIENT
-- The attacker: POSTs the worst-case queries of DIR (*.rq, as application/sparql-query) in turn on
-- every connection, as client CLIENT (X-Forwarded-For, for a server behind a trusted proxy).
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
require "report"

local reqs = {}
local n = 0

function init(args)
  local dir, client = args[1], args[2] or "203.0.113.66"
  local list = io.popen('ls "' .. dir .. '"/*.rq')
  for file in list:lines() do
    local f = assert(io.open(file, "rb"))
    local query = f:read("*a")
    f:close()
    reqs[#reqs + 1] = wrk.format("POST", wrk.path, {
      ["Content-Type"] = "application/sparql-query",
      ["Accept"] = "application/sparql-results+json",
      ["X-Forwarded-For"] = client,
    }, query)
  end
  list:close()
  n = math.random(#reqs)
end

function request()
  n = n % #reqs + 1
  return reqs[n]
end
