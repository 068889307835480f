names = ["b", "a"]
result = (names
          .sorted())
