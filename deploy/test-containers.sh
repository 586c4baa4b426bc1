# shellcheck shell=bash
# Docker engine and locally built images for the Testcontainers-based tests, on a machine that reaches
# Debian's mirror but no image registry. Source it, then call ensure_test_containers:
#   source deploy/test-containers.sh && ensure_test_containers
#
# Provides:
#   ensure_test_containers   engine + images + the exports below (no-op with PARTY_TEST_USE_REGISTRY=true,
#                            for developers who reach a registry: tests then keep the official images)
#   ensure_docker_engine     `docker info` works, starting Debian's dockerd if needed (log: $STATE_DIR/dockerd.log)
#   PARTY_TEST_BASE_IMAGE, PARTY_TEST_POSTGRES_IMAGE_LOCAL, PARTY_TEST_REDIS_IMAGE_LOCAL   the local image names
#
# Exports for the test JVMs (surefire passes the environment on to its forks):
#   PARTY_TEST_POSTGRES_IMAGE=party-test/postgres:15   use with .asCompatibleSubstituteFor("postgres")
#   PARTY_TEST_REDIS_IMAGE=party-test/redis:7          a GenericContainer exposing 6379
#   TESTCONTAINERS_RYUK_DISABLED=true                  the reaper image cannot be pulled here
#   TESTCONTAINERS_TINYIMAGE_CONTAINER_IMAGE=party-test/debian:bookworm
#                                                      Testcontainers 2.0.5 runs its "tiny image" (alpine:3.17
#                                                      by default) to check file mounting as soon as a container
#                                                      has a bind (withClasspathResourceMapping,
#                                                      withFileSystemBind); without this it retries pulling
#                                                      alpine for about two minutes
#   TESTCONTAINERS_HOST_OVERRIDE=localhost             this machine has /.dockerenv, so Testcontainers would
#                                                      otherwise reach mapped ports via the bridge gateway
#                                                      (172.17.0.1); published ports answer on localhost
# Nothing else is needed: Testcontainers finds /var/run/docker.sock by itself. Debian's engine is Docker
# 20.10 (API <= 1.41); Testcontainers first pings with API 1.44, gets a 400, and falls back to 1.32 by
# itself (a DEBUG line, no error). DOCKER_API_VERSION is not read by its docker-java client.
#
# Images are built only when missing or when their recipe below changed (label party.recipe), so a second
# run takes well under a second. First run on a fresh machine (packages, debootstrap, two builds): about a
# minute here.

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

PARTY_TEST_BASE_IMAGE=party-test/debian:bookworm
PARTY_TEST_POSTGRES_IMAGE_LOCAL=party-test/postgres:15
PARTY_TEST_REDIS_IMAGE_LOCAL=party-test/redis:7

ensure_test_containers() {
    if [[ "${PARTY_TEST_USE_REGISTRY:-}" == true ]]; then
        log "PARTY_TEST_USE_REGISTRY=true: tests use the official images from the registry"
        return 0
    fi
    local start=$SECONDS
    with_lock test-containers _ensure_test_containers || return 1
    export TESTCONTAINERS_RYUK_DISABLED=true
    export TESTCONTAINERS_TINYIMAGE_CONTAINER_IMAGE=$PARTY_TEST_BASE_IMAGE
    export TESTCONTAINERS_HOST_OVERRIDE=localhost
    export PARTY_TEST_POSTGRES_IMAGE=$PARTY_TEST_POSTGRES_IMAGE_LOCAL
    export PARTY_TEST_REDIS_IMAGE=$PARTY_TEST_REDIS_IMAGE_LOCAL
    log "test containers ready in $((SECONDS - start))s: $PARTY_TEST_POSTGRES_IMAGE, $PARTY_TEST_REDIS_IMAGE"
}

_ensure_test_containers() {
    need_root_or_sudo || return 1
    ensure_docker_engine || return 1
    _ensure_base_image || return 1
    _ensure_built_image "$PARTY_TEST_POSTGRES_IMAGE_LOCAL" _postgres_context || return 1
    _ensure_built_image "$PARTY_TEST_REDIS_IMAGE_LOCAL" _redis_context || return 1
}

# ---------------------------------------------------------------------------------------------------
# Engine

_docker_ok() {
    timeout 20 docker info >/dev/null 2>&1
}

ensure_docker_engine() {
    if _docker_ok; then
        return 0
    fi
    command -v docker >/dev/null 2>&1 || apt_install docker.io || return 1
    if ! command -v dockerd >/dev/null 2>&1; then
        # debootstrap too: a machine without an engine has no images either.
        apt_install docker.io debootstrap || return 1
        # The package's post-install may have started the service where invoke-rc.d is allowed.
        _docker_ok && return 0
    fi
    mkdir -p "$STATE_DIR" || return 1
    local dlog="$STATE_DIR/dockerd.log"
    log "starting dockerd in the background (log: $dlog)"
    # No systemd here. setsid: its own session, so it outlives this shell and its Ctrl-C; dockerd starts
    # its own containerd.
    without_lock_fd as_root setsid -f dockerd >>"$dlog" 2>&1 </dev/null || { die "could not launch dockerd"; return 1; }
    local deadline=$((SECONDS + 60))
    until _docker_ok; do
        if ! pgrep -x dockerd >/dev/null || ((SECONDS >= deadline)); then
            tail -n 25 "$dlog" >&2
            die "dockerd did not come up (log above, full log: $dlog)"
            return 1
        fi
        sleep 0.5
    done
    log "docker engine up: $(docker version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null), storage $(docker info --format '{{.Driver}}' 2>/dev/null)"
}

# ---------------------------------------------------------------------------------------------------
# Base image: debootstrap minbase, imported

# The Debian mirror the host's apt uses for bookworm (deb822 .sources or one-line .list), or the default.
_debian_mirror() {
    if [[ -n "${PARTY_DEBIAN_MIRROR:-}" ]]; then
        echo "$PARTY_DEBIAN_MIRROR"
        return 0
    fi
    local m f
    m=$(
        {
            # deb822: stanzas separated by blank lines; URIs and Suites in any order.
            for f in /etc/apt/sources.list.d/*.sources; do
                if [[ -r "$f" ]]; then cat "$f"; echo; fi
            done
        } | awk '
            function flush() { if (uri != "" && suites ~ /(^| )bookworm( |$)/ && types ~ /(^| )deb( |$)/) print uri; uri = suites = types = "" }
            /^[[:space:]]*$/ { flush(); next }
            /^URIs:/   { uri = $2 }
            /^Suites:/ { $1 = ""; suites = $0 " " }
            /^Types:/  { $1 = ""; types = $0 " " }
            END { flush() }'
        for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
            if [[ -r "$f" ]]; then sed -E 's/\[[^]]*\]//' "$f" | awk '$1 == "deb" && $3 == "bookworm" { print $2 }'; fi
        done
    )
    m=$(grep -m1 -E '^https?://' <<<"$m" || true)
    echo "${m:-http://deb.debian.org/debian}"
}

# Remove a (possibly half-built) debootstrap tree without ever following a mount left inside it.
_rm_rootfs() {
    local dir=$1 m
    [[ -e "$dir" ]] || return 0
    awk -v d="$dir" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do
        as_root umount -l "$m" || true
    done
    as_root rm -rf --one-file-system "$dir"
}

_ensure_base_image() {
    docker image inspect "$PARTY_TEST_BASE_IMAGE" >/dev/null 2>&1 && return 0
    command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap || return 1
    local mirror rootfs="$STATE_DIR/rootfs-bookworm" blog="$STATE_DIR/debootstrap.log" t0=$SECONDS
    mirror=$(_debian_mirror)
    log "building $PARTY_TEST_BASE_IMAGE: debootstrap --variant=minbase bookworm from $mirror (log: $blog)"
    _rm_rootfs "$rootfs"
    as_root debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$blog" 2>&1 || {
        tail -n 20 "$blog" >&2
        _rm_rootfs "$rootfs"
        die "debootstrap failed (log: $blog)"
        return 1
    }
    # Like the official Debian images: no services started by package scripts during `docker build`,
    # no recommends, no translations, no package cache kept.
    as_root sh -c "
        printf '#!/bin/sh\nexit 101\n' > '$rootfs/usr/sbin/policy-rc.d' && chmod 755 '$rootfs/usr/sbin/policy-rc.d' &&
        printf 'APT::Install-Recommends \"false\";\nAcquire::Languages \"none\";\n' > '$rootfs/etc/apt/apt.conf.d/90party-test' &&
        rm -rf '$rootfs'/var/cache/apt/archives/*.deb '$rootfs'/var/lib/apt/lists/* '$rootfs'/var/log/*.log
    " || { _rm_rootfs "$rootfs"; die "could not finish the root file system in $rootfs"; return 1; }
    # An imported image has no environment at all: PATH must be set for `ENV PATH=...:$PATH` and RUN.
    as_root tar -C "$rootfs" -c . | docker import --change 'CMD ["/bin/bash"]' \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' --change 'ENV LANG=C.UTF-8' \
        - "$PARTY_TEST_BASE_IMAGE" >/dev/null || { _rm_rootfs "$rootfs"; die "docker import failed"; return 1; }
    _rm_rootfs "$rootfs"
    log "built $PARTY_TEST_BASE_IMAGE in $((SECONDS - t0))s"
}

# ---------------------------------------------------------------------------------------------------
# Derived images, each from a small build context written here

# _ensure_built_image IMAGE CONTEXT_FUNCTION: the function writes Dockerfile & co. into the directory it
# is given. The image is rebuilt when missing or when the context or the base image changed.
_ensure_built_image() {
    local image=$1 make_context=$2 ctx recipe current t0=$SECONDS
    local name=${image//[\/:]/-}
    ctx="$STATE_DIR/images/$name"
    rm -rf "$ctx" && mkdir -p "$ctx" || return 1
    "$make_context" "$ctx" || return 1
    recipe=$(
        {
            docker image inspect --format '{{.Id}}' "$PARTY_TEST_BASE_IMAGE"
            (cd "$ctx" && find . -type f | LC_ALL=C sort | xargs cat)
        } | sha256sum | cut -c1-16
    ) || return 1
    current=$(docker image inspect --format '{{index .Config.Labels "party.recipe"}}' "$image" 2>/dev/null || true)
    if [[ "$current" == "$recipe" ]]; then
        return 0
    fi
    local blog="$STATE_DIR/docker-build-$name.log" old
    old=$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)
    log "building $image ${current:+(recipe changed) }(log: $blog)"
    # --network=host: the RUN steps fetch from the mirror without relying on the bridge's NAT.
    # DOCKER_BUILDKIT=0: the client here has no buildx plugin; the classic builder is what works.
    DOCKER_BUILDKIT=0 docker build --network=host --label "party.recipe=$recipe" -t "$image" "$ctx" >"$blog" 2>&1 || {
        tail -n 25 "$blog" >&2
        die "docker build of $image failed (log: $blog)"
        return 1
    }
    # Drop the replaced image unless a container still uses it (then docker refuses, and that is fine).
    if [[ -n "$old" && "$old" != "$(docker image inspect --format '{{.Id}}' "$image")" ]]; then
        docker image rm "$old" >/dev/null 2>&1 || true
    fi
    log "built $image in $((SECONDS - t0))s"
}

_postgres_context() {
    local ctx=$1
    cat >"$ctx/Dockerfile" <<EOF
FROM $PARTY_TEST_BASE_IMAGE
ARG DEBIAN_FRONTEND=noninteractive
# No Debian "main" cluster: the entrypoint creates the data directory the way the official image does.
RUN mkdir -p /etc/postgresql-common/createcluster.d \\
 && echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.d/party-test.conf \\
 && apt-get update -q \\
 && apt-get install -y -q --no-install-recommends postgresql-15 \\
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb
ENV PATH=/usr/lib/postgresql/15/bin:\$PATH PGDATA=/var/lib/postgresql/data LANG=C.UTF-8
COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
# SIGINT = fast shutdown, as in the official image.
STOPSIGNAL SIGINT
EXPOSE 5432
CMD ["postgres"]
EOF
    cat >"$ctx/docker-entrypoint.sh" <<'EOF'
#!/bin/bash
# Behaves like the official postgres image's entrypoint as far as Testcontainers' PostgreSQLContainer
# relies on it: POSTGRES_USER/POSTGRES_PASSWORD/POSTGRES_DB on first start, `postgres -c opt=value ...`
# as the command, and "database system is ready to accept connections" logged twice (the temporary
# server during initialisation, then the real one).
set -Eeuo pipefail

if [[ "${1:-}" == -* ]]; then
    set -- postgres "$@"
fi
if [[ "${1:-}" != postgres ]]; then
    exec "$@"
fi
shift

# initdb and postgres refuse to run as root.
if [[ "$(id -u)" == 0 ]]; then
    install -d -o postgres -g postgres -m 700 "$PGDATA"
    install -d -o postgres -g postgres -m 2775 /var/run/postgresql
    exec env HOME=/var/lib/postgresql setpriv --reuid=postgres --regid=postgres --init-groups "$0" postgres "$@"
fi

if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
    : "${POSTGRES_USER:=postgres}"
    : "${POSTGRES_DB:=$POSTGRES_USER}"
    auth=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}
    if [[ -z "${POSTGRES_PASSWORD:-}" && "$auth" != trust ]]; then
        echo "error: POSTGRES_PASSWORD is not set (or set POSTGRES_HOST_AUTH_METHOD=trust)" >&2
        exit 1
    fi
    pwargs=()
    if [[ -n "${POSTGRES_PASSWORD:-}" ]]; then
        pwfile=$(mktemp)
        printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
        pwargs=(--pwfile="$pwfile")
    fi
    # --no-sync: a throw-away test database; it saves seconds on every container start.
    # shellcheck disable=SC2086
    initdb -D "$PGDATA" --username="$POSTGRES_USER" "${pwargs[@]}" --encoding=UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host="$auth" --no-sync ${POSTGRES_INITDB_ARGS:-}
    [[ -n "${pwfile:-}" ]] && rm -f "$pwfile"
    printf 'host all all all %s\n' "$auth" >>"$PGDATA/pg_hba.conf"
    # Tests send many requests in parallel through several pools: room for them.
    printf "listen_addresses = '*'\nmax_connections = %s\n" "${POSTGRES_MAX_CONNECTIONS:-300}" >>"$PGDATA/postgresql.conf"

    # Temporary server on the socket only, so nobody connects before the database exists.
    pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p 5432" -w -t 60 start
    export PGHOST=/var/run/postgresql PGUSER=$POSTGRES_USER
    if [[ "$POSTGRES_DB" != postgres ]]; then
        psql -X -q -v ON_ERROR_STOP=1 -d postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
    fi
    for f in /docker-entrypoint-initdb.d/*; do
        # shellcheck source=/dev/null
        case "$f" in
            *.sh) echo "running $f"; . "$f" ;;
            *.sql) echo "running $f"; psql -X -q -v ON_ERROR_STOP=1 -d "$POSTGRES_DB" -f "$f" ;;
            *) ;;
        esac
    done
    pg_ctl -D "$PGDATA" -m fast -w stop
    unset PGHOST PGUSER
    echo "PostgreSQL init process complete; ready for start up."
fi

exec postgres "$@"
EOF
    chmod 755 "$ctx/docker-entrypoint.sh"
}

_redis_context() {
    local ctx=$1
    cat >"$ctx/Dockerfile" <<EOF
FROM $PARTY_TEST_BASE_IMAGE
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update -q \\
 && apt-get install -y -q --no-install-recommends redis-server \\
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb
USER redis
WORKDIR /var/lib/redis
EXPOSE 6379
CMD ["redis-server", "--protected-mode", "no", "--bind", "0.0.0.0"]
EOF
}
