#!/bin/sh
# Renders the Panoramix nginx templates into PANORAMIX_CONF_DIR. The web image runs it from
# /docker-entrypoint.d/ before nginx starts; the tests run it with their own ports and paths.
# HTTPS switches itself on once the certificate exists (after certbot's first run, restart web).
set -eu

: "${PANORAMIX_TEMPLATES:=$(dirname "$0")}"
: "${PANORAMIX_CONF_DIR:=/etc/nginx/conf.d}"
: "${PANORAMIX_API:=api:3002}"
: "${PANORAMIX_SERVER_NAME:=_}"
: "${PANORAMIX_HTTP_PORT:=80}"
: "${PANORAMIX_HTTPS_PORT:=443}"
: "${PANORAMIX_WEB_ROOT:=/usr/share/nginx/html}"
: "${PANORAMIX_ACME_ROOT:=/var/www/certbot}"
: "${PANORAMIX_TLS_CERT:=/etc/letsencrypt/live/${PANORAMIX_SERVER_NAME}/fullchain.pem}"
: "${PANORAMIX_TLS_KEY:=/etc/letsencrypt/live/${PANORAMIX_SERVER_NAME}/privkey.pem}"
if [ -f "$PANORAMIX_TLS_CERT" ]; then PANORAMIX_HTTPS_REDIRECT=on; else PANORAMIX_HTTPS_REDIRECT=off; fi
# The web build lists the hash of index.html's inline script (frontend/vite/preload-plugin.ts): the
# policy must allow it, as the API's does (backend/src/http/security-headers.ts).
# shellcheck disable=SC2089,SC2090 # the quotes belong to the policy ('self'), not to the shell
PANORAMIX_SCRIPT_SRC="'self'"
if [ -s "$PANORAMIX_WEB_ROOT/csp-script-src.txt" ]; then
  # shellcheck disable=SC2089 # as above
  PANORAMIX_SCRIPT_SRC="'self' $(tr -s '[:space:]' ' ' <"$PANORAMIX_WEB_ROOT/csp-script-src.txt" | sed 's/ *$//')"
fi
# shellcheck disable=SC2090 # as above
export PANORAMIX_CONF_DIR PANORAMIX_API PANORAMIX_SERVER_NAME PANORAMIX_HTTP_PORT PANORAMIX_HTTPS_PORT \
  PANORAMIX_WEB_ROOT PANORAMIX_ACME_ROOT PANORAMIX_TLS_CERT PANORAMIX_TLS_KEY PANORAMIX_HTTPS_REDIRECT PANORAMIX_SCRIPT_SRC

# Only our names are substituted: nginx's own $variables pass through untouched.
# shellcheck disable=SC2016 # envsubst takes the names literally
names='${PANORAMIX_CONF_DIR} ${PANORAMIX_API} ${PANORAMIX_SERVER_NAME} ${PANORAMIX_HTTP_PORT} ${PANORAMIX_HTTPS_PORT}
${PANORAMIX_WEB_ROOT} ${PANORAMIX_ACME_ROOT} ${PANORAMIX_TLS_CERT} ${PANORAMIX_TLS_KEY} ${PANORAMIX_HTTPS_REDIRECT}
${PANORAMIX_SCRIPT_SRC}'
render() { envsubst "$names" <"$PANORAMIX_TEMPLATES/$1" >"$PANORAMIX_CONF_DIR/$2"; }

mkdir -p "$PANORAMIX_CONF_DIR"
render panoramix.conf panoramix.conf
render panoramix-site.conf panoramix-site.inc # .inc: conf.d/*.conf is loaded in http context, this is server context
if [ "$PANORAMIX_HTTPS_REDIRECT" = on ]; then
  render panoramix-tls.conf panoramix-tls.conf
  echo "panoramix: HTTPS on with $PANORAMIX_TLS_CERT"
else
  rm -f "$PANORAMIX_CONF_DIR/panoramix-tls.conf"
  echo "panoramix: HTTP only (no certificate at $PANORAMIX_TLS_CERT yet)"
fi
