#!/usr/bin/env bash
# Start or stop the services the multi-database and multi-node tests use:
# PostgreSQL 15 and Redis from Debian's packages, on 127.0.0.1 only, with
# their data under tests/.tmp/services. Usage: scripts/services.sh start|stop
# Prints the URLs to export: TEST_POSTGRES_URL and TEST_REDIS_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="$(pwd)/tests/.tmp/services"
pg_port=${TEST_POSTGRES_PORT:-54329}
redis_port=${TEST_REDIS_PORT:-63799}
pg_bin=/usr/lib/postgresql/15/bin

# PostgreSQL refuses to run as root: run it as the postgres user when we are root.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    mkdir -p "$dir"
    if [ ! -f "$dir/pg/PG_VERSION" ]; then
      mkdir -p "$dir/pg"
      [ "$(id -u)" = 0 ] && chown postgres "$dir/pg" && chmod 700 "$dir/pg"
      as_postgres "$pg_bin/initdb" -D "$dir/pg" -U larloop --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_postgres "$pg_bin/pg_ctl" -D "$dir/pg" status >/dev/null 2>&1; then
      as_postgres "$pg_bin/pg_ctl" -D "$dir/pg" -l "$dir/pg/server.log" -w \
        -o "-h 127.0.0.1 -p $pg_port -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
    fi
    if ! redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1; then
      redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --daemonize yes --logfile "$dir/redis.log" --pidfile "$dir/redis.pid"
    fi
    echo "TEST_POSTGRES_URL=postgresql://larloop@127.0.0.1:$pg_port/postgres"
    echo "TEST_REDIS_URL=redis://127.0.0.1:$redis_port"
    ;;
  stop)
    [ -f "$dir/pg/PG_VERSION" ] && as_postgres "$pg_bin/pg_ctl" -D "$dir/pg" -m fast stop >/dev/null 2>&1 || true
    redis-cli -h 127.0.0.1 -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: scripts/services.sh start|stop" >&2
    exit 2
    ;;
esac
