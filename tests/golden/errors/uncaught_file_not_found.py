open('no_such_file_here.txt')
