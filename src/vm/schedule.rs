//! The deterministic scheduler behind `--schedule SEED` and
//! `--switch-every N`: one thread runs at a time, and *which* one is decided
//! only by the program's own events, never by the clock or the machine.
//!
//! The interpreter lock becomes a baton. The thread holding it runs a
//! slice of bytecode instructions (the traced eval loop counts them, see
//! `Vm::sched_tick`); at the end of the slice, and whenever the holder
//! blocks or ends, the scheduler picks the next holder among the threads
//! that can go on:
//!
//! - threads that are ready to run (started, or switched out);
//! - threads blocked in a *certain* wait (a lock, a condition's notify:
//!   `observe::wait`) whose object would now let them go on
//!   (`WaitTarget::ready`, asked under the object's lock);
//! - threads sleeping, or waiting with a timeout, whose deadline has come.
//!
//! `Seeded` picks among them with a seeded generator and draws each slice's
//! length from it; `Every(n)` takes them in turn, n instructions each.
//!
//! Time inside a scheduled run is *virtual* for what the scheduler decides:
//! every instruction counts 10 ns, `time.sleep` and wait timeouts end at a
//! virtual deadline, and when every thread sleeps the virtual clock jumps
//! to the earliest deadline (so a program that sleeps runs at full speed).
//! The clocks a program reads (`time.time`, `time.monotonic`) stay real.
//!
//! A thread's OS thread may be slow to notice that it was picked; nobody
//! else runs meanwhile, so that delay changes nothing. Waits the scheduler
//! cannot see into (I/O, pipes, subprocesses, multiprocessing, `input`) are
//! outside the schedule: the thread passes the baton on, and when its wait
//! ends it is ready to be picked again (or takes the baton if nobody holds
//! it). Such waits end when the outside world says, so a program that
//! uses them in several threads is not replayed exactly; one that only
//! uses threads, locks, conditions, queues, events and sleeps is. With no
//! thread able to go on, nobody holds the baton and the deadlock detector
//! reports the run.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::observe::record::ThreadRecord;
use crate::runtime::fork_sync::Mutex;

/// Virtual nanoseconds one bytecode instruction takes.
const NS_PER_INSTRUCTION: u64 = 10;
/// Mean slice length under `Seeded`: short, so interleavings inside one
/// statement (`balance = balance + n`) happen often.
const MEAN_SLICE: u64 = 24;
/// How long a thread waiting for the baton spins before it parks: a
/// hand-off between two threads on two cores then costs well under a
/// microsecond instead of two system calls. (Parked threads are woken one
/// by one, only the one picked.)
const SPIN: Duration = Duration::from_micros(20);
/// Then it yields its core for this long before it parks: waking a parked
/// thread costs tens of microseconds (more in a virtual machine), and a
/// thread kept from running by a held lock often waits about that long.
const YIELD: Duration = Duration::from_millis(2);

/// How switch points are chosen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rule {
    /// From a generator seeded with this number (`--schedule SEED`).
    Seeded(u64),
    /// After every n instructions, round robin (`--switch-every N`).
    Every(u64),
}

/// What one thread is doing, as far as the scheduler is concerned.
enum Slot {
    /// May run when picked.
    Ready,
    /// In a wait; may run when its object is ready or at the deadline
    /// (virtual ns).
    Blocked { deadline: Option<u64> },
    /// In a wait the scheduler cannot see into; not a candidate until it
    /// comes back (`acquire`).
    Outside,
}

struct State {
    rng: u64,
    /// By serial, so every walk over them is in start order.
    threads: BTreeMap<u64, (Arc<ThreadRecord>, Slot)>,
    /// The OS threads, to wake the one picked (known once each has waited).
    handles: BTreeMap<u64, std::thread::Thread>,
    /// The serial of the thread that holds the baton; 0 for nobody.
    turn: u64,
    /// Virtual time, ns.
    now: u64,
}

pub struct Scheduler {
    rule: Rule,
    state: Mutex<State>,
    /// `State::turn`, readable without the mutex (for spinning and parking).
    baton: AtomicU64,
    /// CLOCK_REALTIME and CLOCK_MONOTONIC when the run started, in ns: the
    /// program's clocks read these plus the virtual time.
    pub clock_bases: (i128, i128),
}

/// SplitMix64: a tiny, well-mixed generator whose whole state is one word,
/// so a seed gives the same sequence on every machine.
fn next_random(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Scheduler {
    pub fn new(rule: Rule) -> Scheduler {
        let rng = match rule {
            Rule::Seeded(seed) => seed,
            Rule::Every(_) => 0,
        };
        let state = State { rng, threads: BTreeMap::new(), handles: BTreeMap::new(), turn: 0, now: 0 };
        let read = |clock| {
            let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
            // SAFETY: clock_gettime only writes the struct it is given.
            unsafe { libc::clock_gettime(clock, &mut ts) };
            ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
        };
        let clock_bases = (read(libc::CLOCK_REALTIME), read(libc::CLOCK_MONOTONIC));
        Scheduler { rule, state: Mutex::new(state), baton: AtomicU64::new(0), clock_bases }
    }

    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// The length of the next slice, in instructions.
    fn slice(&self, st: &mut State) -> u64 {
        match self.rule {
            Rule::Seeded(_) => 1 + next_random(&mut st.rng) % (2 * MEAN_SLICE),
            Rule::Every(n) => n,
        }
    }

    /// Virtual time now, counting `executed` instructions of the holder.
    pub fn now(&self, executed: u64) -> u64 {
        let mut st = self.state.lock();
        st.now += executed * NS_PER_INSTRUCTION;
        st.now
    }

    /// A thread is being started (called by its starter, at a point of the
    /// program, so the order is the program's): it may be picked from now on.
    pub fn add(&self, rec: &Arc<ThreadRecord>) {
        self.state.lock().threads.insert(rec.serial, (rec.clone(), Slot::Ready));
    }

    /// Waits until `rec`'s thread holds the baton (the very first thread
    /// takes it). Returns the length of its slice.
    pub fn acquire(&self, rec: &Arc<ThreadRecord>) -> u64 {
        let mut st = self.state.lock();
        st.threads.insert(rec.serial, (rec.clone(), Slot::Ready));
        if st.turn == 0 {
            // The first thread, or one back from outside while nobody runs.
            self.hand_to(&mut st, Some(rec.serial));
        }
        drop(st);
        let mut st = self.wait_turn(rec.serial);
        self.slice(&mut st)
    }

    /// Waits until `me` holds the baton; returns the state, locked.
    fn wait_turn(&self, me: u64) -> crate::runtime::fork_sync::MutexGuard<'_, State> {
        if self.baton.load(Ordering::Acquire) != me {
            {
                let mut st = self.state.lock();
                st.handles.entry(me).or_insert_with(std::thread::current);
            }
            let start = Instant::now();
            let mut spins = 0u32;
            while self.baton.load(Ordering::Acquire) != me {
                spins += 1;
                if !spins.is_multiple_of(64) {
                    std::hint::spin_loop();
                    continue;
                }
                let waited = start.elapsed();
                if waited < SPIN {
                    std::hint::spin_loop();
                } else if waited < YIELD {
                    std::thread::yield_now();
                } else {
                    // Woken by `hand_to`; the timeout only guards against
                    // a wake-up lost to a fork.
                    std::thread::park_timeout(Duration::from_millis(50));
                }
            }
        }
        let mut st = self.state.lock();
        if let Some((_, slot)) = st.threads.get_mut(&me) {
            *slot = Slot::Ready;
        }
        st
    }

    /// The end of the holder's slice: picks who runs next (maybe the holder
    /// again) and waits for the baton to come back. Returns (the length of
    /// the new slice, whether another thread ran in between).
    pub fn preempt(&self, rec: &Arc<ThreadRecord>, executed: u64, signal: bool) -> (u64, bool) {
        let mut st = self.state.lock();
        st.now += executed * NS_PER_INSTRUCTION;
        let next = self.pick(&mut st, rec.serial, signal);
        let switched = next != Some(rec.serial);
        if !switched {
            return (self.slice(&mut st), false);
        }
        self.hand_to(&mut st, next);
        drop(st);
        let mut st = self.wait_turn(rec.serial);
        (self.slice(&mut st), true)
    }

    /// The holder enters a wait that failed to complete at once: it gives
    /// the baton to the next thread and waits until it is picked again
    /// (its object is ready, or `deadline` has come). Returns the slice
    /// length and the virtual time at which it goes on.
    pub fn block(&self, rec: &Arc<ThreadRecord>, executed: u64, deadline: Option<u64>, signal: bool) -> (u64, u64) {
        let mut st = self.state.lock();
        st.now += executed * NS_PER_INSTRUCTION;
        if let Some((_, slot)) = st.threads.get_mut(&rec.serial) {
            *slot = Slot::Blocked { deadline };
        }
        let next = self.pick(&mut st, 0, signal);
        self.hand_to(&mut st, next);
        drop(st);
        let mut st = self.wait_turn(rec.serial);
        (self.slice(&mut st), st.now)
    }

    /// The holder goes into a wait outside the schedule: the baton goes on.
    pub fn leave(&self, rec: &ThreadRecord, signal: bool) {
        let mut st = self.state.lock();
        if let Some((_, slot)) = st.threads.get_mut(&rec.serial) {
            *slot = Slot::Outside;
        }
        if st.turn == rec.serial {
            let next = self.pick(&mut st, 0, signal);
            self.hand_to(&mut st, next);
        }
    }

    /// The holder's thread ends: the baton goes on.
    pub fn end(&self, rec: &ThreadRecord, signal: bool) {
        let mut st = self.state.lock();
        st.threads.remove(&rec.serial);
        st.handles.remove(&rec.serial);
        if st.turn == rec.serial {
            let next = self.pick(&mut st, 0, signal);
            self.hand_to(&mut st, next);
        }
    }

    fn hand_to(&self, st: &mut State, next: Option<u64>) {
        st.turn = next.unwrap_or(0);
        self.baton.store(st.turn, Ordering::Release);
        if let Some(t) = st.handles.get(&st.turn) {
            t.unpark();
        }
    }

    /// The next holder among the threads that can go on (`holder`, the
    /// thread at the end of its slice, is one of them); None when none can.
    /// With a `signal` pending the main thread can go on whatever it waits
    /// for: it must run the handler (a Ctrl-C raises KeyboardInterrupt).
    fn pick(&self, st: &mut State, holder: u64, signal: bool) -> Option<u64> {
        let mut candidates = self.candidates(st, signal);
        let outside = st.threads.values().any(|(_, slot)| matches!(slot, Slot::Outside));
        if candidates.is_empty() && !outside {
            // Everyone waits; the earliest deadline comes first. (While a
            // thread waits outside, for real time to pass, virtual time
            // must not jump past it: it may bring what the others wait for.)
            let earliest = st
                .threads
                .values()
                .filter_map(|(_, slot)| match slot {
                    Slot::Blocked { deadline } => *deadline,
                    Slot::Ready | Slot::Outside => None,
                })
                .min()?;
            st.now = st.now.max(earliest);
            candidates = self.candidates(st, signal);
        }
        if candidates.is_empty() {
            return None;
        }
        Some(match self.rule {
            Rule::Seeded(_) => candidates[(next_random(&mut st.rng) % candidates.len() as u64) as usize],
            // Round robin: the first candidate after the holder in start
            // order, else the first one.
            Rule::Every(_) => {
                let after = if holder != 0 { holder } else { st.turn };
                candidates.iter().copied().find(|&s| s > after).unwrap_or(candidates[0])
            }
        })
    }

    fn candidates(&self, st: &State, signal: bool) -> Vec<u64> {
        st.threads
            .iter()
            .filter(|(_, (rec, slot))| match slot {
                Slot::Ready => true,
                Slot::Outside => false,
                Slot::Blocked { deadline } => {
                    (signal && rec.is_main)
                        || deadline.is_some_and(|d| d <= st.now)
                        || rec
                            .wait_info()
                            .is_some_and(|info| info.target().is_some_and(|target| target.ready(rec, info.ticket)))
                }
            })
            .map(|(serial, _)| *serial)
            .collect()
    }

    /// In a child made by fork: only the forking thread exists, and it
    /// holds the baton.
    pub fn after_fork_child(&self, rec: &Arc<ThreadRecord>) {
        let mut threads = BTreeMap::new();
        threads.insert(rec.serial, (rec.clone(), Slot::Ready));
        // The parent's generator state is behind a mutex another thread may
        // have held at the fork: the child's sequence starts from the seed
        // and its own serial instead (still the same on every run).
        let rng = match self.rule {
            Rule::Seeded(seed) => seed ^ rec.serial.wrapping_mul(0x2545_F491_4F6C_DD1D),
            Rule::Every(_) => 0,
        };
        let st = State { rng, threads, handles: BTreeMap::new(), turn: rec.serial, now: 0 };
        self.baton.store(rec.serial, Ordering::Release);
        // SAFETY: the forking thread is the only thread of the child and
        // holds no guard of this mutex.
        unsafe { self.state.reset_after_fork(st) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_gives_the_same_numbers_everywhere() {
        let mut a = 7;
        let mut b = 7;
        let xs: Vec<u64> = (0..5).map(|_| next_random(&mut a)).collect();
        let ys: Vec<u64> = (0..5).map(|_| next_random(&mut b)).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs[0], xs[1]);
        let mut c = 8;
        assert_ne!(next_random(&mut c), xs[0]);
    }
}
