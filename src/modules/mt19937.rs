//! The Mersenne Twister MT19937, bit for bit as CPython's `_random` module
//! runs it, so that a seeded pyl program draws the same numbers as CPython.
//!
//! Contract: `seed_words` is `init_by_array` (CPython seeds with the 32-bit
//! words of `abs(n)`, least significant first); `next_u32` is
//! `genrand_uint32`; `random` is `random_random` (53 bits from two draws);
//! `getrandbits` fills 32-bit words least significant first, as
//! `_random_Random_getrandbits_impl` does. `Generator` adds the parts of
//! `Lib/random.py` that only need the generator (`_randbelow`, `sample`'s
//! index choice, the normal/gamma/von Mises draws), and the seeds made
//! from strings.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::ToPrimitive;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

#[derive(Clone)]
pub struct Mt19937 {
    pub state: [u32; N],
    pub index: usize,
}

impl Default for Mt19937 {
    fn default() -> Mt19937 {
        let mut mt = Mt19937 { state: [0; N], index: N + 1 };
        mt.seed_words(&[0]);
        mt
    }
}

impl Mt19937 {
    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// `init_by_array`; an empty key is treated as `[0]` as CPython does.
    pub fn seed_words(&mut self, key: &[u32]) {
        let key: &[u32] = if key.is_empty() { &[0] } else { key };
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        self.index = N;
    }

    /// Seeds from a non-negative integer, as `random_seed` does with `abs(n)`.
    pub fn seed_int(&mut self, n: &BigInt) {
        let (_, words) = n.to_u32_digits();
        self.seed_words(&words);
    }

    fn twist(&mut self) {
        let mt = &mut self.state;
        let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
        self.index = 0;
    }

    /// `genrand_uint32`.
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `k` random bits as a non-negative integer (`k` may be 0).
    pub fn getrandbits(&mut self, k: u64) -> BigInt {
        if k <= 32 {
            if k == 0 {
                return BigInt::from(0);
            }
            return BigInt::from(self.next_u32() >> (32 - k));
        }
        let words = k.div_ceil(32) as usize;
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_biguint(Sign::Plus, BigUint::new(out))
    }

    /// Random bits for a bound below 2**64 (the common `_randbelow` case)
    /// without building a big integer.
    pub fn getrandbits_u64(&mut self, k: u32) -> u64 {
        debug_assert!(k <= 64);
        if k == 0 {
            0
        } else if k <= 32 {
            (self.next_u32() >> (32 - k)) as u64
        } else {
            let lo = self.next_u32() as u64;
            let hi = (self.next_u32() >> (64 - k)) as u64;
            lo | (hi << 32)
        }
    }
}

// ------------------------------------------------ random.py's algorithms

/// What a `Random` instance owns: the twister and `gauss_next`.
#[derive(Default)]
pub struct Generator {
    pub mt: Mt19937,
    pub gauss_next: Option<f64>,
}

impl Generator {
    /// `_randbelow(n)` for `0 < n < 2**64`.
    pub fn below(&mut self, n: u64) -> u64 {
        // Callers check for empty ranges; CPython would loop forever on 0.
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.mt.getrandbits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// `_randbelow(n)` for any positive `n`.
    pub fn below_big(&mut self, n: &BigInt) -> BigInt {
        if let Some(small) = n.to_u64() {
            return BigInt::from(self.below(small));
        }
        let k = n.bits();
        loop {
            let r = self.mt.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }

    /// The indices `sample` picks, by CPython's pool-or-set rule.
    pub fn sample_indices(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut setsize: u128 = 21;
        if k > 5 {
            let e = ((k as f64 * 3.0).ln() / 4f64.ln()).ceil() as u32;
            setsize = setsize.saturating_add(4u128.saturating_pow(e));
        }
        let mut result = Vec::with_capacity(k);
        if (n as u128) <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.below((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.below(n as u64) as usize;
                while selected.contains(&j) {
                    j = self.below(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        result
    }

    /// `normalvariate`'s standard normal draw (Kinderman and Monahan).
    pub fn normal_z(&mut self) -> f64 {
        let nv_magicconst = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
        loop {
            let u1 = self.mt.random();
            let u2 = 1.0 - self.mt.random();
            let z = nv_magicconst * (u1 - 0.5) / u2;
            if z * z / 4.0 <= -u2.ln() {
                return z;
            }
        }
    }

    /// `gammavariate`; Err is the message of CPython's ValueError.
    pub fn gamma(&mut self, alpha: f64, beta: f64) -> Result<f64, &'static str> {
        if alpha <= 0.0 || beta <= 0.0 {
            return Err("gammavariate: alpha and beta must be > 0.0");
        }
        if alpha > 1.0 {
            let log4 = 4.0f64.ln();
            let sg_magicconst = 1.0 + 4.5f64.ln();
            let ainv = (2.0 * alpha - 1.0).sqrt();
            let (bbb, ccc) = (alpha - log4, alpha + ainv);
            loop {
                let u1 = self.mt.random();
                if !(1e-7 < u1 && u1 < 0.9999999) {
                    continue;
                }
                let u2 = 1.0 - self.mt.random();
                let v = (u1 / (1.0 - u1)).ln() / ainv;
                let x = alpha * v.exp();
                let z = u1 * u1 * u2;
                let r = bbb + ccc * v - x;
                if r + sg_magicconst - 4.5 * z >= 0.0 || r >= z.ln() {
                    return Ok(x * beta);
                }
            }
        } else if alpha == 1.0 {
            Ok(-(1.0 - self.mt.random()).ln() * beta)
        } else {
            let e = std::f64::consts::E;
            let x = loop {
                let u = self.mt.random();
                let b = (e + alpha) / e;
                let p = b * u;
                let x = if p <= 1.0 { p.powf(1.0 / alpha) } else { -((b - p) / alpha).ln() };
                let u1 = self.mt.random();
                if p > 1.0 {
                    if u1 <= x.powf(alpha - 1.0) {
                        break x;
                    }
                } else if u1 <= (-x).exp() {
                    break x;
                }
            };
            Ok(x * beta)
        }
    }

    /// `vonmisesvariate(mu, kappa)`.
    pub fn vonmises(&mut self, mu: f64, kappa: f64) -> f64 {
        use std::f64::consts::{PI, TAU};
        if kappa <= 1e-6 {
            return TAU * self.mt.random();
        }
        let s = 0.5 / kappa;
        let r = s + (1.0 + s * s).sqrt();
        let z = loop {
            let u1 = self.mt.random();
            let z = (PI * u1).cos();
            let d = z / (r + z);
            let u2 = self.mt.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * d.exp() {
                break z;
            }
        };
        let q = 1.0 / r;
        let f = (q + z) / (1.0 + q * z);
        let u3 = self.mt.random();
        if u3 > 0.5 { py_mod(mu + f.acos(), TAU) } else { py_mod(mu - f.acos(), TAU) }
    }

    /// `gauss`'s Box-Muller pair: one value now, the other cached.
    pub fn gauss_z(&mut self) -> f64 {
        if let Some(z) = self.gauss_next.take() {
            return z;
        }
        let x2pi = self.mt.random() * std::f64::consts::TAU;
        let g2rad = (-2.0 * (1.0 - self.mt.random()).ln()).sqrt();
        self.gauss_next = Some(x2pi.sin() * g2rad);
        x2pi.cos() * g2rad
    }
}

/// The integer `seed(str or bytes)` (version 2) seeds with:
/// `int.from_bytes(a + sha512(a).digest())`, big-endian.
pub fn seed_v2(data: &[u8]) -> BigInt {
    use sha2::{Digest, Sha512};
    let mut all = data.to_vec();
    all.extend_from_slice(Sha512::digest(data).as_slice());
    BigInt::from_bytes_be(Sign::Plus, &all)
}

/// The version-1 string hash of Python 2 days, over the code points.
pub fn seed_v1(codes: &[u64]) -> BigInt {
    let mut x: u64 = codes.first().map(|c| c << 7).unwrap_or(0);
    for c in codes {
        x = 1_000_003u64.wrapping_mul(x) ^ c;
    }
    x ^= codes.len() as u64;
    BigInt::from(x)
}

/// Python's float `%` (the result takes the divisor's sign).
fn py_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 && ((m < 0.0) != (y < 0.0)) { m + y } else { m }
}

/// OS randomness for unseeded generators and `os.urandom`.
pub fn fill_os_random(buf: &mut [u8]) {
    use std::io::Read;
    let ok = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(buf)).is_ok();
    if !ok {
        // No /dev/urandom: fall back to the clock and a counter so that two
        // generators still differ.
        let mut x = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0x9e37_79b9)
            ^ (std::process::id() as u64) << 32;
        for b in buf.iter_mut() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            *b = x as u8;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython_seed_42() {
        let mut mt = Mt19937::default();
        mt.seed_int(&BigInt::from(42));
        assert_eq!(mt.random(), 0.6394267984578837);
        assert_eq!(mt.random(), 0.025010755222666936);
    }
}
