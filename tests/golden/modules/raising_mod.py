print('raising_mod starts')
raise ValueError('failure while importing raising_mod')
