"""One error tree.

::

    OresightError
    ├── BadInput              the user's input is unusable (CLI exit 2, API 4xx)
    │   ├── UnsupportedFormat     not a PDF, HTML, Markdown or text file
    │   ├── DocumentTooLarge      over the size, page or time limit
    │   ├── EncryptedDocument     a password-protected PDF
    │   └── CorruptDocument       unreadable or hostile content
    └── StorageError          the database refused or is unreachable
"""


class OresightError(Exception):
    """Base of every error Oresight raises on purpose."""


class BadInput(OresightError):
    """The input cannot be used; the message is one line meant for the user."""


class UnsupportedFormat(BadInput):
    pass


class DocumentTooLarge(BadInput):
    pass


class EncryptedDocument(BadInput):
    pass


class CorruptDocument(BadInput):
    pass


class StorageError(OresightError):
    pass
