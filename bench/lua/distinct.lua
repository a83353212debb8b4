-- wrk -s distinct.lua http://127.0.0.1:PORT/sparql -- PER_THREAD DONE_DIR [ACCEPT_ENCODING] [CLIENTS]
-- The memory probe of issue 11: every request GETs a SPARQL query never sent before (its text holds
-- a number that no other request uses, and so does its answer), so that each answer is a new entry
-- for the server's answer cache. Each thread stops after PER_THREAD answers and writes
-- DONE_DIR/done-<thread> ("answered ok other"); the script then ends wrk with SIGINT, which prints
-- the figures (wrk's own -d is only the upper bound in time). ACCEPT_ENCODING ("-" for none) is sent
-- with every request; X-Forwarded-For names one of CLIENTS (16) clients in turn, for a server that
-- trusts 127.0.0.1 as a proxy, so that one client's fair-use share does not refuse the probe.
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
require "report"

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- setup() runs in wrk's main Lua state, once per thread: number the threads.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local per_thread, done_dir, encoding, clients
local sent, answered, ok, other = 0, 0, 0, 0
local finished = false

function init(args)
  per_thread = tonumber(args[1])
  done_dir = args[2]
  encoding = args[3] or "-"
  clients = tonumber(args[4] or "16")
  assert(per_thread and per_thread > 0 and done_dir, "usage: -- PER_THREAD DONE_DIR [ACCEPT_ENCODING] [CLIENTS]")
end

function request()
  sent = sent + 1
  -- Unique over all threads: thread id times ten million plus this thread's count.
  local k = id * 10000000 + sent
  local query = string.format(
    "SELECT ?s ?p ?o (%d AS ?n) WHERE { ?s ?p ?o } OFFSET %d LIMIT 8", k, sent % 4000)
  local headers = {
    ["Accept"] = "application/sparql-results+json",
    ["X-Forwarded-For"] = string.format("198.51.100.%d", sent % clients + 1),
  }
  if encoding ~= "-" then headers["Accept-Encoding"] = encoding end
  return wrk.format("GET", wrk.path .. "?query=" .. urlencode(query), headers)
end

function response(status, headers, body)
  if finished then return end
  answered = answered + 1
  if status == 200 then ok = ok + 1 else other = other + 1 end
  if answered >= per_thread then
    finished = true
    local f = io.open(done_dir .. "/done-" .. id, "w")
    if f then
      f:write(string.format("%d %d %d\n", answered, ok, other))
      f:close()
    end
    wrk.thread:stop()
  end
end
