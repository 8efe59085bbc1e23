-- Shared by the wrk scenarios: the token comes from the environment; each thread gets an id so
-- request bodies are unique across threads.
token = os.getenv("TOKEN")
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
