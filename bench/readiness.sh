# Sourced by the benchmarks. wait_until_ready PORT PID: returns once GET /health/readiness on localhost:PORT answers
# 200, or 1 if the process PID ends first. It polls every 20 ms with bash's own /dev/tcp and a read timeout, starting no
# process: a poller that starts curl and sleep 50 times a second spent about a quarter of this two-CPU machine and
# made each start look about 0.5 s slower than it was.
wait_until_ready() {
  local port="$1" pid="$2" status pause
  pause="$(mktemp -u)"
  mkfifo -m 600 "$pause"
  exec 8<>"$pause"
  rm -f "$pause"
  while :; do
    if { exec 7<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      printf 'GET /health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&7
      status=""
      read -r -t 10 status <&7 || true
      exec 7<&-
      if [[ "$status" == *" 200 "* ]]; then exec 8<&-; return 0; fi
    fi
    if ! kill -0 "$pid" 2>/dev/null; then exec 8<&-; return 1; fi
    read -r -t 0.02 -u 8 || true
  done
}
