#!/usr/bin/env bash
# One-command deploy to the Organizer host: checks, builds the images, ships them, restarts the
# stack, waits until it is healthy, and rolls back to the previous images if it does not get there.
#   scripts/deploy.sh [--dry-run]        --dry-run prints every command and changes nothing
# Settings (environment): DEPLOY_HOST=user@vps (over ssh; unset = this machine), DEPLOY_DIR
# (/opt/panoramix: .env and the compose file), MIN_FREE_MB (3072), HEALTH_TIMEOUT (180 s),
# PANORAMIX_TAG (default: the git commit).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib-ops.sh
source "$here/lib-ops.sh"

case "${1:-}" in
  --dry-run) DRY_RUN=1 ;;
  '') DRY_RUN=${DRY_RUN:-0} ;;
  *) die "usage: deploy.sh [--dry-run]" ;;
esac

DEPLOY_HOST=${DEPLOY_HOST:-}
DEPLOY_DIR=${DEPLOY_DIR:-/opt/panoramix}
MIN_FREE_MB=${MIN_FREE_MB:-3072}
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-180}
HEALTH_INTERVAL=${HEALTH_INTERVAL:-3}
NETWORK=organizer-network
ORGANIZER_CONTAINERS=(organizer-mongodb organizer-qdrant)
WEB_CONTAINER=panoramix-web
if [[ -z ${PANORAMIX_TAG:-} ]]; then
  PANORAMIX_TAG=$(git -C "$repo_root" rev-parse --short=12 HEAD)
  [[ -z $(git -C "$repo_root" status --porcelain) ]] || PANORAMIX_TAG+="-dirty-$(date -u +%Y%m%d%H%M%S)"
fi
images=("panoramix-api:$PANORAMIX_TAG" "panoramix-web:$PANORAMIX_TAG")
where=${DEPLOY_HOST:-this machine}

# A local command; a dry run prints it instead.
run() {
  if [[ $DRY_RUN == 1 ]]; then printf '[dry-run] %s\n' "$*"; else "$@"; fi
}
# A shell command on the deploy host (over ssh), or here. The string is built on purpose.
on_host() {
  # shellcheck disable=SC2029
  if [[ -n $DEPLOY_HOST ]]; then ssh "$DEPLOY_HOST" "$1"; else bash -c "$1"; fi
}
host() {
  if [[ $DRY_RUN == 1 ]]; then printf '[dry-run] on %s: %s\n' "$where" "$1"; else on_host "$1"; fi
}
# `check FAILURE COMMAND`: a read-only check on the host; stops the deploy with FAILURE.
check() {
  if [[ $DRY_RUN == 1 ]]; then printf '[dry-run] check on %s: %s\n' "$where" "$2"; else on_host "$2" >/dev/null 2>&1 || die "$1"; fi
}
start() { host "cd '$DEPLOY_DIR' && PANORAMIX_TAG='$1' docker compose -f docker-compose.prod.yml up -d --remove-orphans"; }
wait_healthy() {
  local deadline=$((SECONDS + HEALTH_TIMEOUT)) state c
  while :; do
    state=
    for c in "$API_CONTAINER" "$WEB_CONTAINER"; do
      state+="$(on_host "docker inspect -f '{{.State.Health.Status}}' $c" 2>/dev/null || echo missing) "
    done
    [[ $state == 'healthy healthy ' ]] && return 0
    ((SECONDS < deadline)) || break
    sleep "$HEALTH_INTERVAL"
  done
  log "not healthy after $HEALTH_TIMEOUT s ($API_CONTAINER, $WEB_CONTAINER: $state)"
  return 1
}

previous=$(on_host "cat '$DEPLOY_DIR/.deployed-tag' 2>/dev/null" || true)
log "deploying $PANORAMIX_TAG to $where:$DEPLOY_DIR (running now: ${previous:-nothing})"

log "1/5 checks"
check "less than $MIN_FREE_MB MB free in $DEPLOY_DIR on $where" \
  "mkdir -p '$DEPLOY_DIR' && test \"\$(df -Pm '$DEPLOY_DIR' | awk 'NR==2 {print \$4}')\" -ge $MIN_FREE_MB"
check "docker network $NETWORK missing on $where" "docker network inspect $NETWORK"
for c in "${ORGANIZER_CONTAINERS[@]}"; do
  check "$c is not running on $where" "test \"\$(docker inspect -f '{{.State.Running}}' $c)\" = true"
done
check "$DEPLOY_DIR/.env missing on $where (start from .env.example, set JWT_SECRET)" "test -f '$DEPLOY_DIR/.env'"

log "2/5 build"
for target in api web; do
  run docker build -f "$repo_root/backend/Dockerfile" --target "$target" -t "panoramix-$target:$PANORAMIX_TAG" "$repo_root"
done

log "3/5 ship"
files=("$repo_root/docker-compose.prod.yml" "$here/backup.sh" "$here/restore.sh" "$here/lib-ops.sh")
if [[ -n $DEPLOY_HOST ]]; then
  if [[ $DRY_RUN == 1 ]]; then
    printf '[dry-run] docker save %s | gzip -1 | ssh %s "gunzip | docker load"\n' "${images[*]}" "$DEPLOY_HOST"
  else
    docker save "${images[@]}" | gzip -1 | ssh "$DEPLOY_HOST" 'gunzip | docker load'
  fi
  run scp -q "${files[@]}" "$DEPLOY_HOST:$DEPLOY_DIR/"
else
  run cp "${files[@]}" "$DEPLOY_DIR/"
fi

log "4/5 restart"
start "$PANORAMIX_TAG"

log "5/5 health"
if [[ $DRY_RUN == 1 ]]; then
  echo "[dry-run] wait up to $HEALTH_TIMEOUT s for $API_CONTAINER and $WEB_CONTAINER to be healthy; if not, restart with ${previous:-nothing (first deploy)}"
  host "echo '$PANORAMIX_TAG' > '$DEPLOY_DIR/.deployed-tag'"
  exit 0
fi
if wait_healthy; then
  host "echo '$PANORAMIX_TAG' > '$DEPLOY_DIR/.deployed-tag'"
  log "deployed $PANORAMIX_TAG"
  exit 0
fi
[[ -n $previous ]] || die "$PANORAMIX_TAG is not healthy and there is no earlier deploy to roll back to"
log "rolling back to $previous"
start "$previous"
wait_healthy || die "the rollback to $previous is not healthy either; see docker logs $API_CONTAINER"
die "$PANORAMIX_TAG was not healthy; rolled back to $previous"
