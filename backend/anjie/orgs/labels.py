"""zh-CN / en labels of the org unit kinds, served by /meta/enums."""

from anjie.core.labels import register
from anjie.orgs.models import OrgKind

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
