#!/usr/bin/env python3
# -*- coding: latin-1 -*-
s = "café à la crème"
print(s, len(s), [hex(ord(c)) for c in s if ord(c) > 127])
