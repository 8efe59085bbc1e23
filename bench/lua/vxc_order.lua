-- VXC orders between the benchmark's own ports (approved at once), each with VLANs no other request
-- uses: port pairs cycle every #ports requests, and each visit of a port takes the next VLAN of its
-- own sequence (A ends even offsets, B ends odd; threads interleave), so no request conflicts.
-- With B_PORTS set (another company's ports, as many as PORTS) each order goes to the port of the same
-- turn there instead: a request for that company's approval, with its emails.
dofile(os.getenv("LUA_DIR") .. "/common.lua")
local function ids(text)
  local list = {}
  for id in string.gmatch(text or "", "%d+") do list[#list + 1] = id end
  return list
end
local ports, others = ids(os.getenv("PORTS")), ids(os.getenv("B_PORTS"))
local n = 0
request = function()
  n = n + 1
  local a = ports[((n + tid * 7) % #ports) + 1]
  local b = #others > 0 and others[((n + tid * 7) % #others) + 1] or ports[((n + tid * 7 + 1) % #ports) + 1]
  local round = math.floor(n / #ports) % 998  -- VLANs 100–4091: the fixtures hold 2–41 on the first port
  local body = string.format('{"payerMegaPortNsId":%s,"nonPayerMegaPortNsId":%s,"payerVlanId":%d,"nonPayerVlanId":%d,"speed":10}',
    a, b, 100 + 4 * round + tid, 102 + 4 * round + tid)
  return wrk.format("POST", "/secure/ecommerce/vxc/order",
    { ["Content-Type"] = "application/json", ["X-Auth-Token"] = token }, body)
end
