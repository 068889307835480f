# First matching except clause wins; bare except catches everything.
def classify(exc):
    try:
        raise exc
    except KeyError:
        return 'KeyError clause'
    except LookupError:
        return 'LookupError clause'
    except (TypeError, ValueError) as e:
        return 'tuple clause ' + type(e).__name__
    except Exception:
        return 'Exception clause'
    except:
        return 'bare clause'
for exc in [KeyError(), IndexError(), ValueError(), TypeError(), ZeroDivisionError(), KeyboardInterrupt(), SystemExit()]:
    print(type(exc).__name__, '->', classify(exc))
