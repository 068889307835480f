//! CPU time of threads and of the process, read from the kernel's clocks.

/// CPU time (user + system) of the calling thread, in nanoseconds.
pub fn this_thread_ns() -> u64 {
    clock_ns(libc::CLOCK_THREAD_CPUTIME_ID).unwrap_or(0)
}

/// CPU time of the whole process (every thread, live or ended).
pub fn process_ns() -> u64 {
    clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID).unwrap_or(0)
}

/// CPU time of a live thread of this process, by kernel thread id; None
/// if that thread has ended. The clock id is the kernel's encoding of a
/// per-thread scheduler clock (what `pthread_getcpuclockid` computes from
/// the same id), which unlike a pthread handle stays safe to use after
/// the thread is gone: the kernel then refuses it.
pub fn thread_ns(tid: u64) -> Option<u64> {
    const CPUCLOCK_SCHED: libc::clockid_t = 2;
    const CPUCLOCK_PERTHREAD: libc::clockid_t = 4;
    let clock = ((!(tid as libc::clockid_t)) << 3) | CPUCLOCK_SCHED | CPUCLOCK_PERTHREAD;
    clock_ns(clock)
}

fn clock_ns(clock: libc::clockid_t) -> Option<u64> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid timespec to write to; a bad clock id is
    // reported as an error, not undefined behaviour.
    let r = unsafe { libc::clock_gettime(clock, &mut ts) };
    (r == 0).then(|| ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_live_thread_has_cpu_time_and_an_ended_one_none() {
        let me = crate::vm::threads::native_id();
        let mut x = 0u64;
        for i in 0..2_000_000u64 {
            x = x.wrapping_mul(31).wrapping_add(i);
        }
        std::hint::black_box(x);
        assert!(thread_ns(me).is_some_and(|t| t > 0));
        let tid = std::thread::spawn(crate::vm::threads::native_id).join().unwrap();
        assert_eq!(thread_ns(tid), None);
    }
}
