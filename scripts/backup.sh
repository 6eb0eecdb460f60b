#!/usr/bin/env bash
# Nightly backup: the database and the uploaded files into BACKUP_DIR/<UTC time>/, then removes
# backups older than RETENTION_DAYS and, if BACKUP_REMOTE is set, copies the new one there (scp).
#   database: mongodump inside the MongoDB container when it runs (MONGO_CONTAINER), else the
#             application export (`panoramix export --all`, through the API container or locally)
#   cron:     15 3 * * * /opt/panoramix/backup.sh >> /var/log/panoramix-backup.log 2>&1
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib-ops.sh
source "$here/lib-ops.sh"

BACKUP_DIR=${BACKUP_DIR:-/var/backups/panoramix}
RETENTION_DAYS=${RETENTION_DAYS:-7}
MONGO_CONTAINER=${MONGO_CONTAINER:-organizer-mongodb}
DB_NAME=${MONGODB_DB:-panoramix}
BACKUP_REMOTE=${BACKUP_REMOTE:-}

stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$BACKUP_DIR/$stamp"
mkdir -p "$target"

if container_running "$MONGO_CONTAINER"; then
  log "mongodump of $DB_NAME in $MONGO_CONTAINER"
  docker exec "$MONGO_CONTAINER" mongodump --quiet --db="$DB_NAME" --archive --gzip >"$target/mongodump.archive.gz"
  if container_running "$API_CONTAINER"; then
    log "uploaded files from $API_CONTAINER"
    docker exec "$API_CONTAINER" sh -c 'tar -C "$UPLOADS_DIR" -cf - .' >"$target/uploads.tar"
  fi
else
  log "application export (no MongoDB container)"
  panoramix export --all --out "$target/panoramix.ndjson.gz"
fi

# A backup proves itself: restore.sh checks these sums before touching anything.
(cd "$target" && sha256sum -- * >SHA256SUMS)
log "backup written: $target ($(du -sh "$target" | cut -f1))"

cutoff=$(date -u -d "-$RETENTION_DAYS days" +%Y%m%dT%H%M%SZ)
for old in "$BACKUP_DIR"/20??????T??????Z; do
  [[ -d $old && $(basename "$old") < "$cutoff" ]] || continue
  log "removing backup older than $RETENTION_DAYS days: $old"
  rm -rf -- "$old"
done

if [[ -n $BACKUP_REMOTE ]]; then
  log "copying to $BACKUP_REMOTE"
  scp -q -r -- "$target" "$BACKUP_REMOTE"
fi
