#!/usr/bin/env bash
# Restores a backup made by backup.sh: restore.sh BACKUP_DIR/<UTC time>
#   mongodump backups: mongorestore --drop into MONGO_CONTAINER, uploads back into API_CONTAINER
#   application exports: `panoramix import` (upserts by id; restore into an emptied database to
#   also drop what was created after the backup)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib-ops.sh
source "$here/lib-ops.sh"

[[ $# == 1 && -d $1 ]] || die "usage: restore.sh <backup folder>"
source_dir=$(cd "$1" && pwd)
MONGO_CONTAINER=${MONGO_CONTAINER:-organizer-mongodb}
DB_NAME=${MONGODB_DB:-panoramix}

log "checking $source_dir/SHA256SUMS"
(cd "$source_dir" && sha256sum --quiet -c SHA256SUMS) || die "backup is damaged; nothing restored"

if [[ -f $source_dir/mongodump.archive.gz ]]; then
  container_running "$MONGO_CONTAINER" || die "$MONGO_CONTAINER is not running"
  # The API stays down while its database is replaced; restart: unless-stopped brings nothing back early.
  docker stop "$API_CONTAINER" >/dev/null 2>&1 || true
  log "mongorestore --drop of $DB_NAME into $MONGO_CONTAINER"
  docker exec -i "$MONGO_CONTAINER" mongorestore --quiet --drop --nsInclude="$DB_NAME.*" --archive --gzip \
    <"$source_dir/mongodump.archive.gz"
  if [[ -f $source_dir/uploads.tar ]]; then
    log "uploaded files into $API_CONTAINER"
    docker run --rm --volumes-from "$API_CONTAINER" -i --entrypoint sh "$(docker inspect -f '{{.Config.Image}}' "$API_CONTAINER")" \
      -c 'tar -C "$UPLOADS_DIR" -xf -' <"$source_dir/uploads.tar"
  fi
  docker start "$API_CONTAINER" >/dev/null
elif [[ -f $source_dir/panoramix.ndjson.gz ]]; then
  panoramix import "$source_dir/panoramix.ndjson.gz"
else
  die "$source_dir holds neither mongodump.archive.gz nor panoramix.ndjson.gz"
fi
log "restored from $source_dir"
