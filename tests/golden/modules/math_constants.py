# math constants.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.pi == 3.141592653589793, math.tau == 2 * math.pi, math.isnan(math.nan), math.isinf(math.inf))
print(type(math.pi).__name__)
