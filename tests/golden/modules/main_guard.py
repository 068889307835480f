# __name__ is '__main__' for the script and the module name when imported.
import guard_mod
print('script __name__:', __name__)
if __name__ == '__main__':
    print('running as main')
    guard_mod.main()
