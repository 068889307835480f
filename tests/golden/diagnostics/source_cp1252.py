# vim: set fileencoding=cp1252 :
print("€ “quoted” …", len("€…"))
