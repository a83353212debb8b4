-- wrk -s query.lua http://127.0.0.1:PORT/sparql -- FILE.rq [ACCEPT]
-- POSTs one SPARQL query as an HTML form (query=...) on every request, on every connection, asking
-- for ACCEPT (default SPARQL JSON results; give application/n-triples for CONSTRUCT).
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
require "report"

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local req

function init(args)
  local f = assert(io.open(args[1], "rb"))
  local query = f:read("*a")
  f:close()
  req = wrk.format("POST", wrk.path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = args[2] or "application/sparql-results+json",
  }, "query=" .. urlencode(query))
end

function request()
  return req
end
