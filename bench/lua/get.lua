-- An authenticated GET of PATH with the X-Auth-Token header (and Accept-Encoding when ACCEPT_ENCODING is set,
-- as Go's HTTP transport sends "gzip" by default).
dofile(os.getenv("LUA_DIR") .. "/common.lua")
path = os.getenv("PATH_UNDER_TEST")
local encoding = os.getenv("ACCEPT_ENCODING")
request = function()
  local headers = { ["X-Auth-Token"] = token }
  if encoding and encoding ~= "" then headers["Accept-Encoding"] = encoding end
  return wrk.format("GET", path, headers)
end
