-- Durable port orders, a unique name each, spread over the 47 locations.
dofile(os.getenv("LUA_DIR") .. "/common.lua")
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"productType":"MEGAPORT","serviceName":"bench %d-%d","megaPortProvItem":{"speed":1000,"location_id":%d}}',
    tid, n, (n % 47) + 1)
  return wrk.format("POST", "/secure/ecommerce/megaport/order",
    { ["Content-Type"] = "application/json", ["X-Auth-Token"] = token }, body)
end
