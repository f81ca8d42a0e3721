# shellcheck shell=bash
# A throwaway PostgreSQL server for CI (.ci/run) and the one-machine cluster
# (scripts/cluster.sh). Sourced, not run.
#
#   pg_install               installs PostgreSQL $PG_VERSION with apt-get when $PG_BIN/initdb is
#                            missing (needs root, as on CI)
#   pg_start DIR [PORT]      initialises DIR/data and starts the server on 127.0.0.1:PORT (a free
#                            port from 55432 when none is given), with role podlens (password
#                            podlens); sets PG_DIR, PG_PORT and PG_PID
#   pg_create_database NAME  creates database NAME owned by podlens
#   pg_stop                  stops the server started by pg_start (fast shutdown)
#
# initdb and pg_ctl refuse to run as root: as root they run as the postgres user, which
# must be able to reach DIR (its parents need o+x).

PG_VERSION=${PG_VERSION:-15}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/$PG_VERSION/bin}
PG_DIR=""
PG_PORT=""
PG_PID=""

# Runs a PostgreSQL server command as the postgres user when we are root, directly otherwise.
as_pg() {
	if [[ $EUID -eq 0 ]]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

pg_install() {
	if [[ -x "$PG_BIN/initdb" ]]; then
		return
	fi
	if [[ $EUID -ne 0 ]]; then
		echo "error: PostgreSQL $PG_VERSION is not installed ($PG_BIN/initdb) and installing it needs root" >&2
		return 1
	fi
	echo "== installing PostgreSQL $PG_VERSION"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q || return 1
	# The distribution's "postgresql" is version 15 on Debian 12; prefer the versioned name.
	apt-get install -y -q "postgresql-$PG_VERSION" || apt-get install -y -q postgresql || return 1
	if [[ ! -x "$PG_BIN/initdb" ]]; then
		PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
		if [[ ! -x "$PG_BIN/initdb" ]]; then
			echo "error: apt-get installed no PostgreSQL server (no /usr/lib/postgresql/*/bin/initdb)" >&2
			return 1
		fi
		echo "warning: PostgreSQL $PG_VERSION is not available; using $PG_BIN" >&2
	fi
}

# pg_free_port: the first loopback port from 55432 nothing listens on.
pg_free_port() {
	local port
	for port in $(seq 55432 55532); do
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return
		fi
	done
	echo "error: no free port in 55432-55532" >&2
	return 1
}

pg_start() {
	PG_DIR=$1
	PG_PORT=${2:-$(pg_free_port)}
	mkdir -p "$PG_DIR"
	if [[ $EUID -eq 0 ]]; then
		chown postgres:postgres "$PG_DIR"
	fi
	echo "== starting PostgreSQL ($("$PG_BIN/postgres" --version)) on 127.0.0.1:$PG_PORT in $PG_DIR"
	as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" \
		|| { cat "$PG_DIR/initdb.log" >&2; return 1; }
	# max_connections: the integration run keeps many Spring contexts (each with its pool)
	# cached at once; the default 100 ran out once alerts, trends and shared work added theirs.
	as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" \
		-o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=500" -w start >/dev/null \
		|| { cat "$PG_DIR/log" >&2; return 1; }
	PG_PID=$(head -n 1 "$PG_DIR/data/postmaster.pid")
	"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q \
		-c "create role podlens login password 'podlens'"
}

pg_create_database() {
	"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q \
		-c "create database $1 owner podlens encoding 'UTF8'"
}

pg_stop() {
	if [[ -n "$PG_DIR" && -f "$PG_DIR/data/postmaster.pid" ]]; then
		echo "== stopping PostgreSQL"
		as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null || true
	fi
}
