try:
    lenght
except NameError:
    [].apend
