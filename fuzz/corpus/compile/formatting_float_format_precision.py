# Float formatting in many precisions.
for v in [0.0, -0.0, 1.0, 0.5, 1.5, 2.5, 1 / 3, 2 / 3, 123.456, 1e-10, 1e10, 1e100, -2.675]:
    print(f'{v:.0f}|{v:.1f}|{v:.3f}|{v:e}|{v:.2e}|{v:g}|{v:.3g}|{v:10.4}|{v}')
