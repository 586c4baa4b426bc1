# shellcheck shell=bash
# Helpers shared by the deploy/ scripts. Source it, don't run it:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
#
# Provides:
#   REPO_ROOT            the repository root (computed from this file's location)
#   STATE_DIR            ${PARTY_STATE_DIR:-$REPO_ROOT/.local}: logs, pids and data of the daemons these
#                        scripts start (git-ignored)
#   log MSG...           one progress line on stderr
#   die MSG...           log the message and return 1 (use as: `cmd || die "why"; ` inside functions)
#   need_root_or_sudo    fail unless we are root or have password-less sudo
#   as_root CMD...       run CMD as root (directly, or through sudo)
#   apt_install PKG...   install the missing Debian packages (apt-get update at most once per run)
#   port_open HOST PORT [SECONDS]   does something accept TCP connections there?
#   wait_until SECONDS DESCRIPTION CMD...   retry CMD every half second until it succeeds
#   select_jdk           export JAVA_HOME (and PATH) for a JDK >= 21
#   with_lock NAME CMD...   run CMD holding $STATE_DIR/NAME.lock (several shells may provision at once)
#   without_lock_fd CMD...  run CMD (a daemon start) without inheriting that lock's descriptor
#
# The functions check their own errors and return non-zero, so they behave the same whether or not the
# caller runs with `set -e` (bash ignores -e inside functions called from `if`, `&&` or `||`).

set -euo pipefail

# Sourced twice (services.sh and test-containers.sh in one shell)? The definitions are simply repeated,
# but the once-per-run apt state survives.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE_DIR="${PARTY_STATE_DIR:-$REPO_ROOT/.local}"
_PARTY_APT_UPDATED="${_PARTY_APT_UPDATED:-}"

log() {
    printf '[deploy %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

die() {
    log "ERROR: $*"
    return 1
}

need_root_or_sudo() {
    if [[ $EUID -eq 0 ]] || { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }; then
        return 0
    fi
    die "this needs root (or password-less sudo) to install packages and start daemons"
}

as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    else
        sudo -n "$@"
    fi
}

# apt_install PKG...: installs only what is missing; output goes to $STATE_DIR/apt.log, its tail is shown
# on failure.
apt_install() {
    local pkg missing=()
    for pkg in "$@"; do
        [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" == "install ok installed" ]] || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0

    need_root_or_sudo || return 1
    mkdir -p "$STATE_DIR" || return 1
    local apt_log="$STATE_DIR/apt.log"
    # Another shell may hold the dpkg lock: wait for it rather than failing.
    local -a apt=(as_root env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300)
    if [[ -z "$_PARTY_APT_UPDATED" ]]; then
        log "apt-get update"
        "${apt[@]}" update >>"$apt_log" 2>&1 || { tail -n 20 "$apt_log" >&2; die "apt-get update failed (log: $apt_log)"; return 1; }
        _PARTY_APT_UPDATED=1
    fi
    log "installing Debian packages: ${missing[*]}"
    # without_lock_fd: a package script may start its service.
    without_lock_fd "${apt[@]}" install --no-install-recommends "${missing[@]}" >>"$apt_log" 2>&1 \
        || { tail -n 20 "$apt_log" >&2; die "apt-get install ${missing[*]} failed (log: $apt_log)"; return 1; }
}

port_open() {
    local host=$1 port=$2 secs=${3:-1}
    # /dev/tcp is bash's own; `timeout` keeps a black-holed address from hanging us.
    # shellcheck disable=SC2016  # $0 and $1 are expanded by the inner bash
    timeout "$secs" bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" 2>/dev/null
}

wait_until() {
    local secs=$1 what=$2
    shift 2
    local deadline=$((SECONDS + secs))
    until "$@" >/dev/null 2>&1; do
        if ((SECONDS >= deadline)); then
            die "timed out after ${secs}s waiting for $what"
            return 1
        fi
        sleep 0.5
    done
}

# _jdk_major DIR: prints the feature version (17, 21, 25...) of the JDK in DIR, or nothing.
_jdk_major() {
    local dir=$1 v=""
    [[ -x "$dir/bin/java" && -x "$dir/bin/javac" ]] || return 0
    if [[ -r "$dir/release" ]]; then
        v=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$dir/release")
    fi
    if [[ -z "$v" ]]; then
        v=$("$dir/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
    fi
    v=${v#1.}   # 1.8.0_402 -> 8.0_402
    v=${v%%[.+_-]*}
    [[ "$v" =~ ^[0-9]+$ ]] && echo "$v"
    return 0
}

# The server's JVM options outside a container (deploy/run, bench/checkin): PARTY_JAVA_OPTS, none by default (the JVM
# then sizes its heap from the machine's memory). A 256 MB heap kept the process near 545 MB resident but could not
# sustain 1,200 check-ins/s here (bench/results/checkin.md). In the image the heap is a share of the container's
# memory limit (deploy/image/Dockerfile).
server_java_options() {
    echo "${PARTY_JAVA_OPTS:-}"
}

select_jdk() {
    local min=21 major
    if [[ -n "${JAVA_HOME:-}" ]]; then
        major=$(_jdk_major "$JAVA_HOME")
        if [[ -n "$major" ]] && ((major >= min)); then
            export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
            return 0
        fi
        log "JAVA_HOME=$JAVA_HOME is not a JDK >= $min: looking in /usr/lib/jvm"
    fi
    local dir best="" best_major=0
    for dir in /usr/lib/jvm/*/; do
        dir=${dir%/}
        major=$(_jdk_major "$dir")
        if [[ -n "$major" ]] && ((major > best_major)); then
            best=$dir best_major=$major
        fi
    done
    if [[ -z "$best" ]] || ((best_major < min)); then
        die "no JDK >= $min under /usr/lib/jvm (newest found: ${best:-none}); install one there (bookworm itself only packages 17) or point JAVA_HOME to one"
        return 1
    fi
    export JAVA_HOME=$best
    export PATH="$JAVA_HOME/bin:$PATH"
    log "using JDK $best_major at $JAVA_HOME"
}

# with_lock NAME CMD...: serialise provisioning between shells (two test runs starting at once must not
# both start dockerd or build the same image).
with_lock() {
    local name=$1 fd rc=0
    shift
    mkdir -p "$STATE_DIR" || return 1
    exec {fd}>"$STATE_DIR/$name.lock" || return 1
    if ! flock -n "$fd"; then
        log "waiting for another shell that is provisioning ($STATE_DIR/$name.lock)"
        flock -w 900 "$fd" || { exec {fd}>&-; die "could not get $STATE_DIR/$name.lock within 900s"; return 1; }
    fi
    _PARTY_LOCK_FD=$fd
    "$@" || rc=$?
    _PARTY_LOCK_FD=""
    exec {fd}>&-
    return "$rc"
}

# without_lock_fd CMD...: run CMD without the descriptor that with_lock holds. Every command that starts
# a daemon goes through this: a daemon inheriting it would keep the lock for its whole life.
without_lock_fd() {
    if [[ -n "${_PARTY_LOCK_FD:-}" ]]; then
        (
            exec {_PARTY_LOCK_FD}>&-
            "$@"
        )
    else
        "$@"
    fi
}
