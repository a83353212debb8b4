-- wrk -s mix.lua http://127.0.0.1:PORT -- MIX
-- The load test's mix: every request picks a line of MIX at random. A line is
--   CATEGORY <tab> METHOD <tab> PATH <tab> ACCEPT <tab> ACCEPT-ENCODING <tab> QUERY-FILE
-- with "-" for an empty field; a QUERY-FILE line POSTs that SPARQL query as a form. Weights are
-- given by repeating lines.
package.path = debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua;" .. package.path
require "report"

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local reqs = {}
local n = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" and line:sub(1, 1) ~= "#" then
      local cat, method, path, accept, encoding, file =
        line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)$")
      assert(cat, "bad mix line: " .. line)
      local headers = {}
      if accept ~= "-" then headers["Accept"] = accept end
      if encoding ~= "-" then headers["Accept-Encoding"] = encoding end
      local body = nil
      if file ~= "-" then
        local f = assert(io.open(file, "rb"))
        body = "query=" .. urlencode(f:read("*a"))
        f:close()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
      end
      n = n + 1
      reqs[n] = wrk.format(method, path, headers, body)
    end
  end
  assert(n > 0, "empty mix " .. args[1])
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000)
end

function request()
  return reqs[math.random(n)]
end
