# __class__, __name__, __bases__, __dict__ and __init_subclass__.
class Plugin:
    plugins = []
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.plugins.append(cls.__name__)
class Alpha(Plugin):
    pass
class Beta(Plugin):
    pass
print(Plugin.plugins)
a = Alpha()
print(a.__class__ is Alpha, a.__class__.__bases__[0].__name__, Alpha.__base__.__name__)
print('plugins' in Plugin.__dict__, 'plugins' in Alpha.__dict__)
print(type(Plugin.__dict__).__name__)
