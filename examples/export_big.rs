//! Writes a PDF handout of a generated plan with `MEMBERS` members a stage
//! (default 500), for looking at how a large chart continues by subtree:
//! `cargo run --release --example export_big -- 500 /tmp/big.pdf`.

fn main() {
    let mut args = std::env::args().skip(1);
    let members: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(500);
    let out = args.next().unwrap_or_else(|| "big.pdf".to_owned());
    let plan = orgevo::model::synthetic_plan(members, 6, 7);
    let request = orgevo::export::Request {
        scope: orgevo::export::Scope::Stage(0),
        format: orgevo::export::Format::Pdf,
        scale: 1.0,
        paper: orgevo::export::Paper::A4,
    };
    match orgevo::export::export(&plan, &request) {
        Ok(bytes) => match std::fs::write(&out, bytes) {
            Ok(()) => println!("wrote {out}"),
            Err(e) => eprintln!("cannot write {out}: {e}"),
        },
        Err(e) => eprintln!("export failed: {e}"),
    }
}
