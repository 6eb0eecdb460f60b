#!/bin/sh
# Runs as root only long enough to give the `node` user the volumes (a fresh named volume or a
# host folder arrives owned by root), then drops privileges: the API never runs as root.
set -eu

if [ "$(id -u)" = 0 ]; then
  for dir in "${UPLOADS_DIR:-/data/uploads}" "${BACKUP_DIR:-/backups}"; do
    mkdir -p "$dir"
    # Only when needed: chown -R on a large uploads volume at every start would be slow.
    if [ "$(stat -c %U "$dir")" != node ]; then chown -R node:node "$dir"; fi
  done
  exec su-exec node "$@"
fi
exec "$@"
