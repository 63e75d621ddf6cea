from django.contrib.auth.hashers import PBKDF2PasswordHasher


class OneTimePasswordHasher(PBKDF2PasswordHasher):
    """For the one-time passwords printed on login cards, which must be changed at first login.

    A tenth of the default iterations: a teacher making 40 cards waits about a second
    instead of ten. Django upgrades the hash to the default hasher at the first login,
    and django-axes limits online guessing to 5 tries per username and IP.
    """

    algorithm = "pbkdf2_sha256_onetime"
    iterations = PBKDF2PasswordHasher.iterations // 10
