def main():
    print('guard_mod.main ran')
if __name__ == '__main__':
    print('guard_mod run as a script: should not happen when imported')
    main()
else:
    print('guard_mod imported with __name__', __name__)
