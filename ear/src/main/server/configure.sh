#!/usr/bin/env bash
# Applies OpenCPIS's server configuration (the CLI scripts beside this file) to an unpacked
# WildFly, offline, once. The result is two configurations an administrator sees in the console:
#   standalone-full.xml           - the embedded default: H2 + the embedded Artemis broker
#   standalone-full-postgres.xml  - the same, with CpisDS on PostgreSQL
#   standalone-full-production.xml - PostgreSQL without the development users and population
# The HTTPS key store with the server's self-signed development key pair (cpis-https-server.p12,
# 21-https.cli) is made once and kept.
# A fingerprint of the scripts is kept beside them: when a script changes, both files are
# rebuilt from the pristine dist configuration, never edited twice.
set -euo pipefail
jboss_home=$1
here=$(cd "$(dirname "$0")" && pwd)
pg_driver=$2

cfg="$jboss_home/standalone/configuration"
stamp="$cfg/.opencpis-configured"
fingerprint=$(cat "$here"/cli/*.cli "$here"/cli/postgres/*.cli "$here"/cli/production/*.cli "$here"/*.properties "$0" | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$fingerprint" ]; then
  echo "OpenCPIS server configuration is up to date ($jboss_home)"
  exit 0
fi

[ -f "$cfg/standalone-full.xml.pristine" ] || cp "$cfg/standalone-full.xml" "$cfg/standalone-full.xml.pristine"
cp "$cfg/standalone-full.xml.pristine" "$cfg/standalone-full.xml"
rm -rf "$cfg/standalone_xml_history"
cp "$here/cpis-users.properties" "$here/cpis-roles.properties" "$cfg/"
# the development systems known by their certificates: made again by 20-security.cli
rm -rf "$cfg/cpis-certificate-identities"
# the production users are the administrator's: never overwritten once there
for f in cpis-production-users.properties cpis-production-roles.properties; do
  [ -f "$cfg/$f" ] || cp "$here/$f" "$cfg/"
done

# The PostgreSQL driver as a module (present in both configurations; used by the second).
if [ ! -d "$jboss_home/modules/org/postgresql/main" ]; then
  mkdir -p "$jboss_home/modules/org/postgresql/main"
  cp "$pg_driver" "$jboss_home/modules/org/postgresql/main/postgresql.jar"
  cat > "$jboss_home/modules/org/postgresql/main/module.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<module xmlns="urn:jboss:module:1.9" name="org.postgresql">
  <resources>
    <resource-root path="postgresql.jar"/>
  </resources>
  <dependencies>
    <module name="java.sql"/>
    <module name="java.naming"/>
    <module name="java.logging"/>
    <module name="java.management"/>
    <module name="java.security.jgss"/>
    <module name="jakarta.transaction.api"/>
  </dependencies>
</module>
XML
fi

run_cli() { # $1 = server config file, rest = CLI script files
  local config=$1; shift
  local script
  script=$(mktemp)
  {
    echo "embed-server --server-config=$config --std-out=discard"
    cat "$@"
    echo "stop-embedded-server"
  } > "$script"
  JAVA_OPTS="${JAVA_OPTS:-} -Djboss.server.base.dir=$jboss_home/standalone" \
    "$jboss_home/bin/jboss-cli.sh" --file="$script"
  rm -f "$script"
}

run_cli standalone-full.xml "$here"/cli/*.cli
cp "$cfg/standalone-full.xml" "$cfg/standalone-full-postgres.xml"
run_cli standalone-full-postgres.xml "$here"/cli/postgres/*.cli
cp "$cfg/standalone-full-postgres.xml" "$cfg/standalone-full-production.xml"
run_cli standalone-full-production.xml "$here"/cli/production/*.cli
rm -rf "$cfg/standalone_xml_history" "$jboss_home/standalone/data" "$jboss_home/standalone/log"
echo "$fingerprint" > "$stamp"
echo "OpenCPIS server configuration applied ($jboss_home)"
