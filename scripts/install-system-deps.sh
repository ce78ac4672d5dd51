#!/usr/bin/env bash
# Debian/Ubuntu packages the build and the tests need. Idempotent; skips apt when all are present.
set -euo pipefail
packages=(
  libsecret-1-dev     # keytar builds from source against it
  libusb-1.0-0        # node-hid's prebuilt binary links it
  dbus-daemon dbus-bin # dbus-run-session and dbus-send: a private session bus for the keychain tests
  gnome-keyring       # the Secret Service that keytar talks to in tests
  chromium            # Playwright drives Debian's Chromium (its own browser download is not reachable)
  fonts-dejavu-core   # Cyrillic glyphs for screenshots
  openssl             # self-signed certificates for the TLS failure tests
  python3 make g++    # node-gyp for keytar
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "Устанавливаю пакеты Debian: ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
