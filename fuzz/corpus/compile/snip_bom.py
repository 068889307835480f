x = 1
# comment

  
if x:
    pass
        # deeper comment
    y = [
1,
  2]
