-- wrk -s paths.lua http://127.0.0.1:PORT -- LIST
-- GETs the paths of LIST in turn (each thread from its own starting point). LIST has one request
-- per line: PATH, then optionally a tab and the Accept header, a tab and the Accept-Encoding.
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
require "report"

local reqs = {}
local n = 0
local i = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" and line:sub(1, 1) ~= "#" then
      local path, accept, encoding = line:match("^([^\t]*)\t?([^\t]*)\t?([^\t]*)$")
      local headers = {}
      if accept ~= nil and accept ~= "" and accept ~= "-" then headers["Accept"] = accept end
      if encoding ~= nil and encoding ~= "" and encoding ~= "-" then headers["Accept-Encoding"] = encoding end
      n = n + 1
      reqs[n] = wrk.format("GET", path, headers)
    end
  end
  assert(n > 0, "no requests in " .. args[1])
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000)
  i = math.random(n) - 1
end

function request()
  i = i % n + 1
  return reqs[i]
end
