# shellcheck shell=bash
# Local PostgreSQL and Redis for running the server. Source it, then call ensure_services:
#   source deploy/services.sh && ensure_services
#
# Provides:
#   ensure_services   make sure PostgreSQL and Redis answer, then export
#                     PARTY_DB_URL, PARTY_DB_USER, PARTY_DB_PASSWORD, PARTY_REDIS_URL
#   ensure_postgres, ensure_redis   the two halves, usable alone
#
# Rules, in order, for each service:
#   1. PARTY_DB_URL / PARTY_REDIS_URL already set: used as they are (we only wait until they answer);
#   2. something answers on localhost:5432 / localhost:6379: used (for PostgreSQL we still try to create
#      the role and database `party` through the local superuser);
#   3. otherwise installed from Debian if needed and started: PostgreSQL as the Debian cluster
#      "<newest version> main" via pg_ctlcluster (log in /var/log/postgresql), Redis daemonized with its
#      data, log and pid in $STATE_DIR/redis.
# Second runs find both answering and return in about a second.

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

PARTY_LOCAL_DB_NAME=party
PARTY_LOCAL_DB_USER=party
PARTY_LOCAL_DB_PASSWORD=party  # a local development default, not a secret

ensure_services() {
    with_lock services _ensure_services
}

_ensure_services() {
    ensure_postgres || return 1
    ensure_redis || return 1
    log "services ready: PARTY_DB_URL=$PARTY_DB_URL (user ${PARTY_DB_USER:-?}), PARTY_REDIS_URL=$PARTY_REDIS_URL"
}

# _url_hostport URL DEFAULT_PORT: "host port" of scheme://[user[:pw]@]host[:port][/path]
_url_hostport() {
    local rest=${1#*://} default_port=$2 host port
    rest=${rest%%/*}
    rest=${rest##*@}
    if [[ "$rest" == *:* ]]; then
        host=${rest%:*} port=${rest##*:}
    else
        host=$rest port=$default_port
    fi
    echo "${host:-localhost} ${port:-$default_port}"
}

# ---------------------------------------------------------------------------------------------------
# PostgreSQL

ensure_postgres() {
    local host port
    if [[ -n "${PARTY_DB_URL:-}" ]]; then
        read -r host port < <(_url_hostport "$PARTY_DB_URL" 5432)
        log "PostgreSQL: using PARTY_DB_URL=$PARTY_DB_URL as set"
        wait_until 60 "PostgreSQL at $host:$port (PARTY_DB_URL)" port_open "$host" "$port" || return 1
        return 0
    fi

    command -v psql >/dev/null 2>&1 || apt_install postgresql-client || return 1

    if port_open localhost 5432; then
        if _pg_party_login_ok; then
            log "PostgreSQL: localhost:5432 answers and accepts $PARTY_LOCAL_DB_USER on database $PARTY_LOCAL_DB_NAME"
        else
            log "PostgreSQL: a server already answers on localhost:5432; creating role/database $PARTY_LOCAL_DB_NAME through its local superuser"
            _pg_create_party || die "could not create role/database '$PARTY_LOCAL_DB_NAME' on the server at localhost:5432: create them yourself, or set PARTY_DB_URL, PARTY_DB_USER and PARTY_DB_PASSWORD" || return 1
            _pg_party_login_ok || die "localhost:5432 still refuses $PARTY_LOCAL_DB_USER/$PARTY_LOCAL_DB_PASSWORD on $PARTY_LOCAL_DB_NAME (pg_hba.conf?): set PARTY_DB_URL, PARTY_DB_USER, PARTY_DB_PASSWORD" || return 1
        fi
    else
        _pg_start_local_cluster || return 1
        _pg_create_party || die "could not create role/database '$PARTY_LOCAL_DB_NAME'" || return 1
        wait_until 30 "PostgreSQL to accept $PARTY_LOCAL_DB_USER on localhost:5432" _pg_party_login_ok || return 1
    fi
    export PARTY_DB_URL="postgresql://localhost:5432/$PARTY_LOCAL_DB_NAME"
    export PARTY_DB_USER=$PARTY_LOCAL_DB_USER
    export PARTY_DB_PASSWORD=$PARTY_LOCAL_DB_PASSWORD
}

_pg_party_login_ok() {
    PGPASSWORD=$PARTY_LOCAL_DB_PASSWORD PGCONNECT_TIMEOUT=3 \
        psql -X -q -w -h localhost -p 5432 -U "$PARTY_LOCAL_DB_USER" -d "$PARTY_LOCAL_DB_NAME" -tAc 'select 1' >/dev/null 2>&1
}

# Run a command as the postgres OS user (peer authentication on the local socket), from a directory it
# may read.
_as_postgres() {
    id postgres >/dev/null 2>&1 || return 1
    if [[ $EUID -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && sudo -n -u postgres "$@")
    fi
}

# Idempotent: creates the role and the database if missing, (re)sets the role's password and rights.
_pg_create_party() {
    local sql
    sql=$(cat <<SQL
SELECT format('CREATE ROLE %I', '$PARTY_LOCAL_DB_USER')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PARTY_LOCAL_DB_USER')\gexec
ALTER ROLE "$PARTY_LOCAL_DB_USER" LOGIN CREATEDB PASSWORD '$PARTY_LOCAL_DB_PASSWORD';
SELECT format('CREATE DATABASE %I OWNER %I', '$PARTY_LOCAL_DB_NAME', '$PARTY_LOCAL_DB_USER')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PARTY_LOCAL_DB_NAME')\gexec
SQL
)
    _as_postgres psql -X -q -v ON_ERROR_STOP=1 -p 5432 -d postgres <<<"$sql" >/dev/null || return 1
    log "PostgreSQL: role '$PARTY_LOCAL_DB_USER' (LOGIN CREATEDB) and database '$PARTY_LOCAL_DB_NAME' are in place"
}

_pg_start_local_cluster() {
    need_root_or_sudo || return 1
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
        apt_install postgresql || return 1
    fi
    local ver
    ver=$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/postgres' | awk -F/ '{print $5}' | sort -n | tail -n 1)
    [[ -n "$ver" ]] || die "no PostgreSQL server binaries under /usr/lib/postgresql" || return 1

    local line
    line=$(pg_lsclusters -h 2>/dev/null | awk -v v="$ver" '$1 == v && $2 == "main"')
    if [[ -z "$line" ]]; then
        log "PostgreSQL: creating Debian cluster $ver/main on port 5432"
        as_root pg_createcluster --port 5432 "$ver" main >/dev/null \
            || die "pg_createcluster $ver main failed" || return 1
        line=$(pg_lsclusters -h | awk -v v="$ver" '$1 == v && $2 == "main"')
    fi
    local port status logfile
    read -r _ _ port status _ _ logfile <<<"$line"
    if [[ "$port" != 5432 ]]; then
        die "Debian cluster $ver/main is configured for port $port, not 5432: set 'port = 5432' in /etc/postgresql/$ver/main/postgresql.conf or set PARTY_DB_URL" || return 1
    fi

    log "PostgreSQL: starting Debian cluster $ver/main (log: ${logfile:-/var/log/postgresql})"
    # Without systemd nobody creates the socket directory at boot.
    as_root install -d -o postgres -g postgres -m 2775 /var/run/postgresql || return 1
    if [[ "$status" != online* ]]; then
        without_lock_fd as_root pg_ctlcluster "$ver" main start || {
            [[ -n "$logfile" && -r "$logfile" ]] && tail -n 20 "$logfile" >&2
            die "pg_ctlcluster $ver main start failed"
            return 1
        }
    fi
    wait_until 60 "PostgreSQL on localhost:5432 (log: $logfile)" pg_isready -q -h localhost -p 5432 || return 1
    log "PostgreSQL: $ver/main answers on localhost:5432"
}

# ---------------------------------------------------------------------------------------------------
# Redis

ensure_redis() {
    local host port
    if [[ -n "${PARTY_REDIS_URL:-}" ]]; then
        read -r host port < <(_url_hostport "$PARTY_REDIS_URL" 6379)
        log "Redis: using PARTY_REDIS_URL=$PARTY_REDIS_URL as set"
        wait_until 60 "Redis at $host:$port (PARTY_REDIS_URL)" port_open "$host" "$port" || return 1
        return 0
    fi

    if port_open localhost 6379; then
        if _redis_ping localhost 6379; then
            log "Redis: localhost:6379 answers PONG"
        else
            log "Redis: something listens on localhost:6379 but does not answer PING with PONG (password?); using it anyway"
        fi
    else
        _redis_start_local || return 1
    fi
    export PARTY_REDIS_URL="redis://localhost:6379"
}

# _redis_ping HOST PORT: true when the server answers PONG. redis-cli when present, else RESP by hand.
_redis_ping() {
    local host=$1 port=$2
    if command -v redis-cli >/dev/null 2>&1; then
        [[ "$(timeout 3 redis-cli -h "$host" -p "$port" ping 2>/dev/null)" == PONG ]]
    else
        # shellcheck disable=SC2016  # expanded by the inner bash
        timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1" && printf "PING\r\n" >&3 && read -r reply <&3 && [[ $reply == +PONG* ]]' \
            "$host" "$port" 2>/dev/null
    fi
}

_redis_start_local() {
    need_root_or_sudo || return 1
    command -v redis-server >/dev/null 2>&1 || apt_install redis-server || return 1
    # A package post-install script may have started the service (it does where invoke-rc.d is allowed).
    if _redis_ping localhost 6379; then
        log "Redis: the package's own service answers on localhost:6379"
        return 0
    fi
    local dir="$STATE_DIR/redis"
    mkdir -p "$dir" || return 1
    log "Redis: starting redis-server on localhost:6379 (data, log, pid in $dir)"
    # Loopback only: protected mode stays on, no password needed for local clients.
    without_lock_fd redis-server --daemonize yes --port 6379 --bind 127.0.0.1 \
        --dir "$dir" --logfile "$dir/redis.log" --pidfile "$dir/redis.pid" \
        || { tail -n 20 "$dir/redis.log" >&2 2>/dev/null; die "redis-server did not start (log: $dir/redis.log)"; return 1; }
    wait_until 30 "Redis PONG on localhost:6379 (log: $dir/redis.log)" _redis_ping localhost 6379 || {
        tail -n 20 "$dir/redis.log" >&2 2>/dev/null
        return 1
    }
    log "Redis: answers on localhost:6379"
}
