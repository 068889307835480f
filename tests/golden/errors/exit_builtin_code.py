print('exit(4)')
exit(4)
