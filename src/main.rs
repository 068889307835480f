fn main() {
    let path = std::env::args().nth(1).expect("file");
    let src = std::fs::read_to_string(path).unwrap();
    match pyl::syntax::parse_module(&src) {
        Ok(m) => println!("{m:#?}"),
        Err(e) => println!("{e:?}"),
    }
}
