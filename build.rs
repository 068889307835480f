//! Generates the parser from `grammar/pyl.lalrpop` into `OUT_DIR`.
fn main() {
    lalrpop::Configuration::new().set_in_dir("grammar").process().expect("lalrpop failed to generate the parser");
    println!("cargo:rerun-if-changed=grammar");
}
