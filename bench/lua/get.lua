-- A GET of one path, the same request each time (headers come from wrk's -H).
function init(args)
  begin_thread()
end
