"""Labels of the platform's enums, served by /meta/enums."""

from anjie.core.labels import register
from anjie.orgs.models import OrgKind
from anjie.users.models import Role

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
register(
    "org_kind",
    OrgKind,
    {
        "province": ("省", "Province"),
        "city": ("市", "City"),
        "county": ("县", "County"),
        "committee": ("政法委", "Political-legal committee"),
        "bureau": ("司法局", "Justice bureau"),
        "section": ("股室", "Section"),
        "office": ("办公室", "Office"),
        "judicial_office": ("司法所", "Judicial office"),
    },
)
import anjie.cases.labels  # noqa: E402,F401 - registers the case vocabulary
