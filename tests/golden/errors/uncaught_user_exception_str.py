class Custom(Exception):
    def __str__(self):
        return 'custom message from __str__'
raise Custom('ignored arg')
