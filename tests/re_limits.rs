//! What `re` does where CPython would take forever or where the engine
//! under it has limits CPython lacks: always a Python exception, never a
//! panic or a hang. (The goldens in tests/golden/stdlib/re_* cover the
//! behaviour CPython has.)

use pyl::{Capture, Interpreter};

/// Runs `code` and gives its output; the script must not fail.
fn run(code: &str) -> String {
    let out = Capture::new();
    let interp = Interpreter::builder().stdout(out.clone()).build();
    if let Err(e) = interp.exec(code) {
        panic!("the script failed: {e:?}");
    }
    out.text()
}

#[test]
fn catastrophic_backtracking_is_a_runtime_error() {
    let out = run(r#"
import re
try:
    re.match(r'^(\w+\s?)*(?=x)$', 'word ' * 30 + '!')
except RuntimeError as e:
    print(e)
"#);
    assert_eq!(out, "regular expression matching stopped: more than 1000000 backtracking steps on this input\n");
}

#[test]
fn nesting_past_the_engine_limit_is_a_re_error() {
    let out = run(r#"
import re
for n in (60, 61, 5000):
    try:
        print(bool(re.match('(' * n + 'a' + ')' * n, 'a')))
    except re.error as e:
        print(e.msg, e.pos)
"#);
    assert_eq!(
        out,
        "True\ntoo many nested parentheses (pyl's limit is 60) 60\ntoo many nested parentheses (pyl's limit is 60) 60\n"
    );
}

#[test]
fn big_inputs_and_big_patterns_work() {
    let out = run(r#"
import re
s = 'ab' * 500000
print(len(re.findall('b', s)), len(re.sub('a', '', s)), len(re.split('a', s)))
print(bool(re.compile(r'\w{1000}').search('x' * 1000)))
print(len(re.findall('(a)|(b)', s)))
"#);
    assert_eq!(out, "500000 500000 500001\nTrue\n1000000\n");
}

/// Pieces of pattern syntax, glued at random: every pattern either
/// compiles and runs, or raises a Python exception.
#[test]
fn random_patterns_never_crash() {
    let out = run(r#"
import re, random
pieces = ['(', ')', '(?:', '(?P<n>', '(?P=n)', '(?=', '(?<=', '(?!', '(?<!', '(?(1)', '|',
          '*', '+', '?', '{2}', '{1,}', '{,3}', '*?', '++', '[', ']', '[^', '-', '^', '$',
          '\\', '\\1', '\\b', '\\B', '\\w', '\\d', '\\s', '\\Z', '\\A', 'a', 'b', 'é', '.',
          '(?i)', '(?x)', '(?s:', '(?-i:', '#', ' ', '\n', '\\x4', '\\N{', '{', '}', '&&', '--']
random.seed(7)
outcomes = set()
for i in range(3000):
    p = ''.join(random.choice(pieces) for _ in range(random.randrange(1, 9)))
    try:
        r = re.compile(p)
        r.findall('abé a\nb aab ' * 3)
        r.sub('x', 'ab ba')
        r.split('a b')
        r.fullmatch('ab')
        outcomes.add('ok')
    except re.error:
        outcomes.add('re.error')
    except (OverflowError, RuntimeError) as e:
        outcomes.add(type(e).__name__)
print(sorted(outcomes & {'ok', 're.error'}))
"#);
    assert_eq!(out, "['ok', 're.error']\n");
}
