"""Shared pieces of the route × role permission matrix (see tests/test_permission_matrix.py)."""

from dataclasses import dataclass, field

ROLES = ["anonymous", "organiser", "officer", "teacher", "student", "judge", "outsider"]
LOGIN = "login"  # a 302 to the login page


@dataclass
class Route:
    """How to reach a route and what each role gets (own object, other school's object)."""

    url: object  # callable(world, other: bool) -> str
    expect: dict  # role -> code, or role -> (own code, other code)
    method: str = "get"
    data: dict = field(default_factory=dict)


def everyone(code):
    return dict.fromkeys(ROLES, code)


def signed_in(code):
    return {"anonymous": LOGIN, **{role: code for role in ROLES if role != "anonymous"}}


def organisers_only():
    return {
        "anonymous": LOGIN,
        "organiser": 200,
        **dict.fromkeys(["officer", "teacher", "student", "judge", "outsider"], 403),
    }


def school_of(world, other):
    return world.other_school if other else world.school
