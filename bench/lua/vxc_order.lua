-- VXC orders between the benchmark's own ports (approved at once), each taking the lowest free VLAN
-- on its ports, so every request uses distinct VLANs.
dofile(os.getenv("LUA_DIR") .. "/common.lua")
local ports = {}
for id in string.gmatch(os.getenv("PORTS"), "%d+") do ports[#ports + 1] = id end
local n = 0
request = function()
  n = n + 1
  local a = ports[((n + tid * 7) % #ports) + 1]
  local b = ports[((n + tid * 7 + 1) % #ports) + 1]
  local body = string.format('{"payerMegaPortNsId":%s,"nonPayerMegaPortNsId":%s,"payerVlanId":0,"nonPayerVlanId":0,"speed":10}', a, b)
  return wrk.format("POST", "/secure/ecommerce/vxc/order",
    { ["Content-Type"] = "application/json", ["X-Auth-Token"] = token }, body)
end
