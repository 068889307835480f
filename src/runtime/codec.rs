//! Text encodings for `str.encode`, `bytes.decode`, `str(b, enc)` and
//! `bytes(s, enc)`: UTF-8, ASCII, Latin-1, UTF-16 and UTF-32, with the
//! error handlers `strict`, `ignore`, `replace`, `backslashreplace`,
//! `xmlcharrefreplace` and `namereplace`, and CPython's exceptions
//! (UnicodeEncodeError/UnicodeDecodeError carry encoding, object, start,
//! end and reason).

use crate::runtime::pyarc::PyArc;

use super::str::PyBytes;
use super::types::types;
use super::value::Value;
use crate::vm::PyErr;
use crate::vm::PyResult;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Utf16 { big: bool, bom: bool },
    Utf32 { big: bool, bom: bool },
}

impl Codec {
    fn lookup(name: &str) -> PyResult<Codec> {
        let n = name.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        Ok(match n.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
            "ascii" | "us-ascii" | "646" => Codec::Ascii,
            "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100" => {
                Codec::Latin1
            }
            "utf-16" | "utf16" | "u16" => Codec::Utf16 { big: false, bom: true },
            "utf-16-le" | "utf-16le" => Codec::Utf16 { big: false, bom: false },
            "utf-16-be" | "utf-16be" => Codec::Utf16 { big: true, bom: false },
            "utf-32" | "utf32" | "u32" => Codec::Utf32 { big: false, bom: true },
            "utf-32-le" | "utf-32le" => Codec::Utf32 { big: false, bom: false },
            "utf-32-be" | "utf-32be" => Codec::Utf32 { big: true, bom: false },
            _ => return Err(PyErr::new(&types().exc.lookup_error, format!("unknown encoding: {name}"))),
        })
    }

    /// The name CPython's messages use.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16 { bom: true, .. } => "utf-16",
            Codec::Utf16 { big: false, .. } => "utf-16-le",
            Codec::Utf16 { big: true, .. } => "utf-16-be",
            Codec::Utf32 { bom: true, .. } => "utf-32",
            Codec::Utf32 { big: false, .. } => "utf-32-le",
            Codec::Utf32 { big: true, .. } => "utf-32-be",
        }
    }

    /// The largest code point the codec can encode, plus one.
    fn limit(self) -> u32 {
        match self {
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
            _ => 0x11_0000,
        }
    }
}

/// The `encoding` and `errors` arguments as Rust strings.
pub fn names(encoding: Option<&Value>, errors: Option<&Value>) -> PyResult<(String, String)> {
    let text = |v: Option<&Value>, default: &str, what: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.as_str().to_string()),
            Some(other) => Err(crate::vm::error::type_error(format!(
                "{what}() argument 'encoding' must be str, not {}",
                other.type_name()
            ))),
        }
    };
    Ok((text(encoding, "utf-8", "encode")?, text(errors, "strict", "encode")?))
}

fn unknown_handler(errors: &str) -> PyErr {
    PyErr::new(&types().exc.lookup_error, format!("unknown error handler name '{errors}'"))
}

/// `text.encode(encoding, errors)`.
pub fn encode(text: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = Codec::lookup(encoding)?;
    let limit = codec.limit();
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(text.len());
    if let Codec::Utf16 { bom: true, .. } = codec {
        out.extend_from_slice(&[0xff, 0xfe]);
    }
    if let Codec::Utf32 { bom: true, .. } = codec {
        out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
    }
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            put(codec, c, &mut out);
            i += 1;
            continue;
        }
        // A run of characters the codec cannot encode.
        let end = chars[i..].iter().position(|&c| (c as u32) < limit).map_or(chars.len(), |k| i + k);
        let replacement: String = match errors {
            "strict" => {
                return Err(PyErr::with_args(
                    &types().exc.unicode_encode_error,
                    vec![
                        Value::str(codec.name()),
                        Value::str(text),
                        Value::Int(i as i64),
                        Value::Int(end as i64),
                        Value::str(format!("ordinal not in range({limit})")),
                    ],
                ));
            }
            "ignore" => String::new(),
            "replace" => "?".repeat(end - i),
            "backslashreplace" => chars[i..end].iter().map(|&c| escaped(c)).collect(),
            "xmlcharrefreplace" => chars[i..end].iter().map(|&c| format!("&#{};", c as u32)).collect(),
            "namereplace" => chars[i..end]
                .iter()
                .map(|&c| match unicode_names2::name(c) {
                    Some(n) => format!("\\N{{{n}}}"),
                    None => escaped(c),
                })
                .collect(),
            other => return Err(unknown_handler(other)),
        };
        for r in replacement.chars() {
            put(codec, r, &mut out);
        }
        i = end;
    }
    Ok(out)
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
fn escaped(c: char) -> String {
    match c as u32 {
        n @ 0..=0xff => format!("\\x{n:02x}"),
        n @ 0x100..=0xffff => format!("\\u{n:04x}"),
        n => format!("\\U{n:08x}"),
    }
}

fn put(codec: Codec, c: char, out: &mut Vec<u8>) {
    match codec {
        Codec::Utf8 => {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
        Codec::Ascii | Codec::Latin1 => out.push(c as u32 as u8),
        Codec::Utf16 { big, .. } => {
            let mut buf = [0u16; 2];
            for unit in c.encode_utf16(&mut buf) {
                out.extend_from_slice(&if big { unit.to_be_bytes() } else { unit.to_le_bytes() });
            }
        }
        Codec::Utf32 { big, .. } => {
            let n = c as u32;
            out.extend_from_slice(&if big { n.to_be_bytes() } else { n.to_le_bytes() });
        }
    }
}

/// `data.decode(encoding, errors)`.
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = Codec::lookup(encoding)?;
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Utf8 => decode_utf8(data, errors),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    bad_bytes(codec, data, i, i + 1, "ordinal not in range(128)", errors, &mut out)?;
                }
            }
            Ok(out)
        }
        Codec::Utf16 { big, bom } => {
            let (mut big, mut body) = (big, data);
            if bom && body.len() >= 2 {
                match (body[0], body[1]) {
                    (0xff, 0xfe) => (big, body) = (false, &body[2..]),
                    (0xfe, 0xff) => (big, body) = (true, &body[2..]),
                    _ => {}
                }
            }
            let skip = data.len() - body.len();
            let units: Vec<u16> = body
                .chunks_exact(2)
                .map(|p| if big { u16::from_be_bytes([p[0], p[1]]) } else { u16::from_le_bytes([p[0], p[1]]) })
                .collect();
            let mut out = String::new();
            let mut pos = skip;
            for r in char::decode_utf16(units.iter().copied()) {
                match r {
                    Ok(c) => {
                        out.push(c);
                        pos += 2 * c.len_utf16();
                    }
                    Err(_) => {
                        bad_bytes(codec, data, pos, pos + 2, "illegal encoding", errors, &mut out)?;
                        pos += 2;
                    }
                }
            }
            if body.len() % 2 == 1 {
                bad_bytes(codec, data, data.len() - 1, data.len(), "truncated data", errors, &mut out)?;
            }
            Ok(out)
        }
        Codec::Utf32 { big, bom } => {
            let (mut big, mut body) = (big, data);
            if bom && body.len() >= 4 {
                match body[..4] {
                    [0xff, 0xfe, 0, 0] => (big, body) = (false, &body[4..]),
                    [0, 0, 0xfe, 0xff] => (big, body) = (true, &body[4..]),
                    _ => {}
                }
            }
            let skip = data.len() - body.len();
            let mut out = String::new();
            for (k, q) in body.chunks(4).enumerate() {
                let at = skip + 4 * k;
                if q.len() < 4 {
                    bad_bytes(codec, data, at, data.len(), "truncated data", errors, &mut out)?;
                    break;
                }
                let q = [q[0], q[1], q[2], q[3]];
                let n = if big { u32::from_be_bytes(q) } else { u32::from_le_bytes(q) };
                match char::from_u32(n) {
                    Some(c) => out.push(c),
                    None => bad_bytes(codec, data, at, at + 4, "code point not in range(0x110000)", errors, &mut out)?,
                }
            }
            Ok(out)
        }
    }
}

fn decode_utf8(data: &[u8], errors: &str) -> PyResult<String> {
    match std::str::from_utf8(data) {
        Ok(s) => return Ok(s.to_string()),
        Err(e) if errors == "strict" => return Err(super::exception::utf8_decode_error(data, e)),
        Err(_) => {}
    }
    let mut out = String::with_capacity(data.len());
    let mut at = 0;
    while at < data.len() {
        match std::str::from_utf8(&data[at..]) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&data[at..at + good]).unwrap_or_default());
                let start = at + good;
                let end = e.error_len().map_or(data.len(), |n| start + n);
                bad_bytes(Codec::Utf8, data, start, end, "", errors, &mut out)?;
                at = end;
            }
        }
    }
    Ok(out)
}

/// Applies a non-strict error handler to undecodable `data[start..end]`
/// (raising for `strict`).
fn bad_bytes(
    codec: Codec,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    errors: &str,
    out: &mut String,
) -> PyResult<()> {
    match errors {
        "strict" => Err(PyErr::with_args(
            &types().exc.unicode_decode_error,
            vec![
                Value::str(codec.name()),
                Value::Bytes(PyArc::new(PyBytes::new(data.to_vec()))),
                Value::Int(start as i64),
                Value::Int(end as i64),
                Value::str(reason),
            ],
        )),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for b in &data[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        other => Err(unknown_handler(other)),
    }
}
