-- POST /sign as a browser sends it after showing the form: every request a new
-- address (this run's prefix, the thread and a per-thread counter), a new name, and
-- the form's signed timestamp read from a real GET /sign (args[1]), old enough to
-- pass the minimum fill time. Args: form_ts, prefix.
local FIRST = { "Camille", "Dominique", "Claude", "Alix", "Sacha", "Jean", "Marie", "Hugo", "Nour", "Yanis", "Paul", "Lucie", "Karim", "Anne", "Manon" }
local CATEGORIES = { "researcher", "teacher-researcher", "teacher", "doctoral", "staff", "student", "other" }
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }

function init(args)
  begin_thread()
  stamp = args[1]
  prefix = args[2]
  counter = 0
end

function request()
  counter = counter + 1
  local n = counter
  local body = "first_name=" .. FIRST[n % #FIRST + 1] ..
      "&last_name=Banc" .. tid .. "x" .. n ..
      "&email=" .. prefix .. "-" .. tid .. "-" .. n .. "%40univ-lille.fr" ..
      "&category=" .. CATEGORIES[n % #CATEGORIES + 1] ..
      "&institution=Universit%C3%A9+de+Lille&discipline=&comment=" ..
      "&public=" .. (n % 5 == 0 and "0" or "1") ..
      "&consent=1&website=&form_ts=" .. stamp
  return wrk.format("POST", "/sign", headers, body)
end

function response(status, headers, body)
  count_status(status)
end
