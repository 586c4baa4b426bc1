# shellcheck shell=bash
# Which images the application image and the compose file use, on machines with or without an image registry.
# Source it:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/images.sh"
#
# Provides:
#   PARTY_API_IMAGE            the application image's name (default party/api:0.1.0)
#   image_available IMAGE      the engine has IMAGE, or can pull it (a registry answers)
#   resolve_base_image         export BASE_IMAGE: as given, else debian:bookworm-slim when available, else the
#                              locally built party-test/debian:bookworm (built now if missing)
#   resolve_service_images     export PARTY_POSTGRES_IMAGE and PARTY_REDIS_IMAGE the same way: as given, else
#                              postgres:16-alpine / redis:7-alpine when available, else the local
#                              party-test/postgres:15 / party-test/redis:7 (built now if missing)
#   ensure_docker_compose      docker-compose (1.29, Debian's) is installed
#
# The local images and the engine come from deploy/test-containers.sh; nothing is copied from it.

# shellcheck source-path=SCRIPTDIR source=../test-containers.sh
source "$(dirname "${BASH_SOURCE[0]}")/../test-containers.sh"

PARTY_API_IMAGE=${PARTY_API_IMAGE:-party/api:0.1.0}

image_available() {
    local image=$1
    docker image inspect "$image" >/dev/null 2>&1 && return 0
    # Without a registry this fails at once (the name does not resolve); with one it pulls.
    timeout 600 docker pull -q "$image" >/dev/null 2>&1
}

resolve_base_image() {
    if [[ -n "${BASE_IMAGE:-}" ]]; then
        export BASE_IMAGE
        ensure_local_images "$BASE_IMAGE"
        return
    fi
    if image_available debian:bookworm-slim; then
        export BASE_IMAGE=debian:bookworm-slim
        return 0
    fi
    log "debian:bookworm-slim is not available (no image registry?): using the local $PARTY_TEST_BASE_IMAGE"
    export BASE_IMAGE=$PARTY_TEST_BASE_IMAGE
    ensure_local_images "$BASE_IMAGE"
}

resolve_service_images() {
    if [[ -z "${PARTY_POSTGRES_IMAGE:-}" ]]; then
        if image_available postgres:16-alpine; then
            PARTY_POSTGRES_IMAGE=postgres:16-alpine
        else
            log "postgres:16-alpine is not available (no image registry?): using the local $PARTY_TEST_POSTGRES_IMAGE_LOCAL"
            PARTY_POSTGRES_IMAGE=$PARTY_TEST_POSTGRES_IMAGE_LOCAL
        fi
    fi
    if [[ -z "${PARTY_REDIS_IMAGE:-}" ]]; then
        if image_available redis:7-alpine; then
            PARTY_REDIS_IMAGE=redis:7-alpine
        else
            log "redis:7-alpine is not available (no image registry?): using the local $PARTY_TEST_REDIS_IMAGE_LOCAL"
            PARTY_REDIS_IMAGE=$PARTY_TEST_REDIS_IMAGE_LOCAL
        fi
    fi
    export PARTY_POSTGRES_IMAGE PARTY_REDIS_IMAGE
    ensure_local_images "$PARTY_POSTGRES_IMAGE" "$PARTY_REDIS_IMAGE"
}

# ensure_local_images IMAGE...: builds those of the given images that are the local party-test ones (when missing
# or when their recipe changed); others are left to the engine.
ensure_local_images() {
    local image
    for image in "$@"; do
        case $image in
            "$PARTY_TEST_BASE_IMAGE") with_lock test-containers _ensure_base_image || return 1 ;;
            "$PARTY_TEST_POSTGRES_IMAGE_LOCAL")
                with_lock test-containers _ensure_base_image || return 1
                with_lock test-containers _ensure_built_image "$image" _postgres_context || return 1 ;;
            "$PARTY_TEST_REDIS_IMAGE_LOCAL")
                with_lock test-containers _ensure_base_image || return 1
                with_lock test-containers _ensure_built_image "$image" _redis_context || return 1 ;;
            *) ;;
        esac
    done
}

ensure_docker_compose() {
    command -v docker-compose >/dev/null 2>&1 || apt_install docker-compose || return 1
}
