# return/break/continue/raise inside try/finally, try/except, with and
# their else/handler/finally parts, nested two deep in for/while loops, in
# functions and in generators: every combination runs and prints its
# result and the order of events.
def ind(lines):
    return ["    " + l for l in lines]


def w_for(inner):
    return ["for i in range(3):", "    log.append('it')"] + ind(inner)


def w_while(inner):
    # Each while loop counts in its own variable (nested ones would reset
    # a shared one and never end).
    n = "n%d" % sum(line.count("while") for line in inner)
    return [n + " = 0", "while %s < 3:" % n, "    %s += 1" % n, "    log.append('wit')"] + ind(inner)


def w_tf_body(inner):
    return ["try:"] + ind(inner) + ["finally:", "    log.append('fin')"]


def w_tf_fin(inner):
    return ["try:", "    log.append('tb')", "finally:"] + ind(inner) + ["    log.append('fin-end')"]


def w_tf_fin_exc(inner):
    return ["try:", "    raise KeyError('k')", "finally:"] + ind(inner)


def w_te_body(inner):
    return ["try:"] + ind(inner) + ["except ValueError:", "    log.append('exc')"]


def w_te_handler(inner):
    return ["try:", "    raise ValueError('v')", "except ValueError as e:"] + ind(inner) + ["    log.append('h-end')"]


def w_te_else(inner):
    return ["try:", "    log.append('tb')", "except ValueError:", "    log.append('exc')", "else:"] + ind(inner)


def w_tef(inner):
    return ["try:"] + ind(inner) + ["except ValueError:", "    log.append('exc')", "finally:", "    log.append('fin')"]


def w_with(inner):
    return ["with CM(log):"] + ind(inner)


def w_with_suppress(inner):
    return ["with CM(log, True):"] + ind(inner) + ["    raise OSError('o')"]


class CM:
    def __init__(self, log, suppress=False):
        self.log, self.suppress = log, suppress

    def __enter__(self):
        self.log.append('enter')
        return self

    def __exit__(self, t, v, tb):
        self.log.append('exit %s' % (t.__name__ if t else None))
        return self.suppress


wrappers = [w_for, w_while, w_tf_body, w_tf_fin, w_tf_fin_exc, w_te_body, w_te_handler,
            w_te_else, w_tef, w_with, w_with_suppress]
loops = (w_for, w_while)
jumps = ["return 'r'", "break", "continue", "raise IndexError('x')"]

count = 0
for depth in (1, 2):
    combos = [(w,) for w in wrappers] if depth == 1 else [(a, b) for a in wrappers for b in wrappers]
    for combo in combos:
        for jump in jumps:
            if jump in ("break", "continue") and not any(c in loops for c in combo):
                continue
            for gen in (False, True):
                inner = [jump]
                for w in reversed(combo):
                    inner = w(inner)
                if gen:
                    lines = ["def f(log):", "    yield 'start'"] + ind(inner) + ["    yield 'mid'", "    return 'end'"]
                else:
                    lines = ["def f(log):"] + ind(inner) + ["    return 'end'"]
                namespace = {"CM": CM}
                exec("\n".join(lines) + "\n", namespace)
                f = namespace["f"]
                log = []
                try:
                    r = list(f(log)) if gen else f(log)
                    print(count, r, log, [1, 2, 3])
                except Exception as e:
                    print(count, 'raised', type(e).__name__, e, log, [1, 2, 3])
                count += 1
print(count, "programs")
