#!/usr/bin/env bash
# Builds the Debian package: the binary, then the man page and completions
# it generates from its command-line definition, then `cargo deb`.
#   bash packaging/build-deb.sh            # release build, for installing
#   bash packaging/build-deb.sh --dev      # debug build, for checking contents (CI)
# Needs cargo-deb (`cargo install cargo-deb`). Prints the .deb's path.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=release
if [[ "${1:-}" == "--dev" ]]; then
  profile=dev
fi
target_dir="${CARGO_TARGET_DIR:-target}"
cargo build --locked --profile "$profile" --bin orgevo
built="$target_dir/$([[ $profile == dev ]] && echo debug || echo release)/orgevo"
"$built" package-assets packaging/generated >&2
cargo deb --locked --no-build --profile "$profile" 2>&1 | tail -n 1
