-- POST /confirm/<token> with links read from the confirmation mails and the CSRF
-- field read from each link's page (GET /confirm/<token>), one line each in the file
-- args[2]: "<path> <body>". Thread tid takes every args[1]-th line; a link is used
-- once, and a thread that has used all of its own stops.
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }

function init(args)
  begin_thread()
  local nthreads = tonumber(args[1])
  mine = {}
  local i = 0
  for line in io.lines(args[2]) do
    if i % nthreads == tid then
      local path, body = line:match("^(%S+) (%S+)$")
      table.insert(mine, wrk.format("POST", path, headers, body))
    end
    i = i + 1
  end
  next_index = 0
end

function request()
  next_index = next_index + 1
  if next_index > #mine then
    -- Out of links. This last request (a link already used) goes out as the thread
    -- stops, and its answer is not counted.
    stop_thread()
    return mine[#mine]
  end
  return mine[next_index]
end

function response(status, headers, body)
  count_status(status)
end
