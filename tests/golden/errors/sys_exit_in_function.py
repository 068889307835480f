import sys
def main():
    try:
        sys.exit(7)
    finally:
        print('cleanup before exit')
main()
print('not reached')
