-- An authenticated GET of PATH with the X-Auth-Token header.
dofile(os.getenv("LUA_DIR") .. "/common.lua")
path = os.getenv("PATH_UNDER_TEST")
request = function()
  return wrk.format("GET", path, { ["X-Auth-Token"] = token })
end
