#!/usr/bin/env bash
# Builds the Debian package: the binary, then the man page and completions
# it generates from its command-line definition, then `cargo deb`.
#   bash packaging/build-deb.sh             # release build, for installing
#   bash packaging/build-deb.sh --dev       # debug build, for checking contents
#   bash packaging/build-deb.sh --dev --no-build
#                                           # the debug binary `cargo test` built (CI)
# Needs cargo-deb (`cargo install cargo-deb`). Prints the .deb's path.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=release
build=yes
for arg in "$@"; do
  case "$arg" in
    --dev) profile=dev ;;
    --no-build) build=no ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
target_dir="${CARGO_TARGET_DIR:-target}"
if [[ $build == yes ]]; then
  cargo build --locked --profile "$profile" --bin orgevo
fi
built="$target_dir/$([[ $profile == dev ]] && echo debug || echo release)/orgevo"
"$built" package-assets packaging/generated >&2
cargo deb --locked --no-build --profile "$profile" 2>&1 | tail -n 1
