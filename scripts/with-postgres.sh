#!/usr/bin/env bash
# Runs a command with a private PostgreSQL server: Debian's postgresql,
# a cluster in a temporary folder owned by the `postgres` user, listening
# only on a Unix socket in that folder (no TCP port), stopped and removed
# afterwards. The command gets JIXIAO_TEST_PG, a libpq connection string
# for the database `jixiao`:
#   bash scripts/with-postgres.sh ctest -R archive
# Installs postgresql when missing (as root). Used by .ci/run.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
# initdb refuses to run as root: the cluster belongs to `postgres` (made by the package).
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
dir=$(mktemp -d /tmp/jixiao-pg-XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
port=54329
stop() {
  as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
as_pg "$bin/initdb" -D "$dir/data" -A trust -U jixiao -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses='' -c fsync=off" start >/dev/null
as_pg "$bin/createdb" -h "$dir" -p "$port" -U jixiao jixiao
export JIXIAO_TEST_PG="host=$dir port=$port user=jixiao dbname=jixiao"
"$@"
