class Node:
    @property
    def value(self):
        return self.value
Node().value
