# shellcheck shell=bash
# Helpers shared by deploy.sh, backup.sh and restore.sh (sourced, not run).

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
API_CONTAINER=${API_CONTAINER:-panoramix-api}

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

# True when a Docker engine answers (the client alone is not enough).
docker_up() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

container_running() { docker_up && [[ "$(docker inspect -f '{{.State.Running}}' "$1" 2>/dev/null)" == true ]]; }

# The `panoramix` CLI: inside the API container when it runs (BACKUP_DIR is mounted at the same
# path there), else from this checkout against MONGODB_URI (or the development database).
panoramix() {
  if container_running "$API_CONTAINER"; then
    docker exec "$API_CONTAINER" panoramix "$@"
  else
    (cd "$repo_root" && npm run --silent panoramix -- "$@")
  fi
}
