# SystemExit with no arguments exits with status 0.
print('about to raise SystemExit')
raise SystemExit
