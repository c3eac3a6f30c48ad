"""The storage of static files in production: WhiteNoise's compressed, hashed files."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """
    WhiteNoise's storage, each file's address looked up once per process: the files and their
    manifest do not change while the server runs (`collectstatic` runs before it starts), and
    every page spent some 20 µs on each of its stylesheets and scripts.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.addresses = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        try:
            return self.addresses[name]
        except KeyError:
            address = self.addresses[name] = super().url(name)
            return address
