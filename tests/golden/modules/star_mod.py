__all__ = ['exported', 'ALSO']
exported = 'in __all__'
ALSO = 'also in __all__'
not_listed = 'not in __all__'
