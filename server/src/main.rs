//! The portal's one binary. See `server --help`.

use std::process::ExitCode;

fn main() -> ExitCode {
    server::cli::main()
}
