#!/bin/sh
# Installs what tests/servers/ttrss/ttrss-server.ts needs to run a real Tiny Tiny RSS server:
# Debian's tt-rss (API level 15), the PHP extensions it uses, PostgreSQL 15 and iproute2 (for
# the private network namespace). Idempotent: does nothing when everything is installed, and
# runs `apt-get update` only when a package has no install candidate. Needs root (CI is root).
#
# The tt-rss package would normally ask dbconfig-common to create a database; we never want
# that (every test run makes its own private cluster), so dbconfig-no-thanks is installed with
# it and the debconf answers are preseeded. --no-install-recommends keeps apache2/lighttpd out.
set -eu

PACKAGES="tt-rss dbconfig-no-thanks php-cli php-pgsql php-curl php-xml php-mbstring php-intl postgresql-15 iproute2"

if [ "$(id -u)" != 0 ]; then
  echo "install.sh: must run as root (apt-get)" >&2
  exit 1
fi

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing="$missing $p"
  fi
done
if [ -z "$missing" ]; then
  echo "install.sh: all packages already installed" >&2
  exit 0
fi
echo "install.sh: installing:$missing" >&2

export DEBIAN_FRONTEND=noninteractive
# Another apt-get may hold the dpkg/apt locks (e.g. a browser install running in parallel):
# wait for them instead of failing.
APT="apt-get -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3"

# Refresh the package lists only when they are missing or do not know a package.
need_update=0
for p in $missing; do
  cand=$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ {print $2}')
  if [ -z "$cand" ] || [ "$cand" = "(none)" ]; then need_update=1; fi
done
if [ "$need_update" = 1 ]; then
  $APT update
fi

# No database configuration and no web server reconfiguration by the package.
debconf-set-selections <<'SEL'
tt-rss tt-rss/dbconfig-install boolean false
tt-rss tt-rss/dbconfig-upgrade boolean false
tt-rss tt-rss/reconfigure-webserver multiselect
SEL

$APT install -y --no-install-recommends $missing

# The package's update daemon is of no use to us (each run has its own server and runs
# update.php itself) and would fail without a configured database: where systemd runs, keep
# it off. Containers (CI) have no systemd, and their policy-rc.d already stops it starting.
if [ -d /run/systemd/system ]; then
  systemctl disable --now tt-rss.service >/dev/null 2>&1 || true
fi
echo "install.sh: done" >&2
