-- wrk -s unique.lua http://127.0.0.1:PORT -- LIST [CLIENTS]
-- The first line of LIST (PATH ending in "query=…", a tab, the Accept header), sent with a new
-- comment line at the end of the query text on every request ("\n# <thread>-<n>"): the same query,
-- but never the same text twice, so that no answer can be kept or shared between requests and every
-- request runs the query. X-Forwarded-For names one of CLIENTS (16) clients in turn, for a server
-- that trusts 127.0.0.1 as a proxy (plain Fuseki ignores it).
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
require "report"

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local path, headers, clients
local n = 0

function init(args)
  local f = assert(io.open(args[1], "r"))
  local line = f:read("*l")
  f:close()
  local accept
  path, accept = line:match("^([^\t]*)\t?([^\t]*)")
  assert(path:find("query=", 1, true), "not a query's GET: " .. line)
  headers = {}
  if accept ~= nil and accept ~= "" and accept ~= "-" then headers["Accept"] = accept end
  clients = tonumber(args[2] or "16")
end

function request()
  n = n + 1
  headers["X-Forwarded-For"] = string.format("198.51.100.%d", n % clients + 1)
  return wrk.format("GET", path .. string.format("%%0A%%23%%20%d-%d", id, n), headers)
end
