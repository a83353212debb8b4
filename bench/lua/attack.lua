-- wrk -s attack.lua http://127.0.0.1:PORT/PATH -- DIR CLIENTS
-- The attacker: POSTs the worst-case queries of DIR (*.rq, as application/sparql-query) in turn on
-- every connection, each request's text made new by a numbered comment (so that no answer cache
-- and no sharing of a running query helps the server), as one client (CLIENTS 1: 203.0.113.66) or
-- spread over CLIENTS addresses (203.0.113.1 …), by X-Forwarded-For, for a server behind a
-- trusted proxy.
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
require "report"

local queries = {}
local clients = 1
local n = 0
local sent = 0

function init(args)
  local dir = args[1]
  clients = tonumber(args[2] or "1")
  local list = io.popen('ls "' .. dir .. '"/*.rq')
  for file in list:lines() do
    local f = assert(io.open(file, "rb"))
    queries[#queries + 1] = f:read("*a")
    f:close()
  end
  list:close()
  n = math.random(#queries)
  sent = math.random(1000000) * 1000000
end

function request()
  n = n % #queries + 1
  sent = sent + 1
  local client = "203.0.113.66"
  if clients > 1 then
    client = "203.0.113." .. math.random(clients)
  end
  return wrk.format("POST", wrk.path, {
    ["Content-Type"] = "application/sparql-query",
    ["Accept"] = "application/sparql-results+json",
    ["X-Forwarded-For"] = client,
  }, queries[n] .. "\n# " .. sent .. "\n")
end
