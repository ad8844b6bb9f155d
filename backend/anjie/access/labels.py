"""zh-CN / en labels of the roles, served by /meta/enums."""

from anjie.access.roles import Role
from anjie.core.labels import register

register(
    "role",
    Role,
    {
        "admin": ("系统管理员", "Administrator"),
        "leader": ("局领导", "Bureau leader"),
        "office": ("领导小组办公室", "Campaign office"),
        "officer": ("承办干部", "Case officer"),
        "observer": ("督导查阅", "Observer"),
    },
)
