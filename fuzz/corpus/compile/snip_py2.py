print "hello"
exec "code"
x = 1 +
