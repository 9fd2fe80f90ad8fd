#!/usr/bin/env bash
# Installs what the project needs and is missing: Debian packages and the Python
# virtual environment with the local Stripe and S3. Safe to run again.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/config.sh"

DEBIAN_PACKAGES=(
  postgresql postgresql-contrib libpq-dev libssl-dev libxml2-dev
  python3 python3-venv python3-pip curl ca-certificates nodejs node-graphql
  # The playground's browser test: headless Chromium driven by Selenium; a font for the screenshots.
  chromium chromium-driver fonts-dejavu-core
)

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v swift >/dev/null || die "the Swift toolchain (6.0 or later) is not on PATH: install it from swift.org and run again"

# Python tools: localstripe (fake Stripe) and moto (fake S3), plus boto3 and selenium for tests.
PY_REQUIREMENTS="$ROOT/scripts/requirements.txt"
stamp="$VENV_DIR/.requirements.sha256"
want=$(sha256sum "$PY_REQUIREMENTS" | cut -d' ' -f1)
if [ ! -x "$VENV_DIR/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  log "preparing the Python environment in $VENV_DIR"
  [ -x "$VENV_DIR/bin/python" ] || python3 -m venv "$VENV_DIR"
  "$VENV_DIR/bin/pip" install -q --disable-pip-version-check -r "$PY_REQUIREMENTS"
  echo "$want" > "$stamp"
fi
