"""Maps the uuid id columns of diesel's print-schema output to the store's
per-kind SQL types (crates/store/src/ids.rs). Used by regen-schema.sh."""
import re
import sys

IDS = {
    "tenants": {"id": "TenantIdSql"},
    "teams": {"tenant_id": "TenantIdSql", "id": "TeamIdSql"},
    "participants": {"tenant_id": "TenantIdSql", "participant_pid": "ParticipantIdSql", "team_id": "TeamIdSql"},
    "rides": {"tenant_id": "TenantIdSql", "id": "RideIdSql", "participant_pid": "ParticipantIdSql",
              "team_id": "TeamIdSql", "theme_id": "ThemeIdSql"},
    "themes": {"tenant_id": "TenantIdSql", "id": "ThemeIdSql", "team_id": "TeamIdSql"},
    "theme_contributions": {"tenant_id": "TenantIdSql", "theme_id": "ThemeIdSql",
                            "participant_pid": "ParticipantIdSql", "first_ride_id": "RideIdSql"},
    "releases": {"tenant_id": "TenantIdSql", "id": "ReleaseIdSql"},
    "tenant_keys": {"tenant_id": "TenantIdSql"},
    "manager_token_revocations": {"tenant_id": "TenantIdSql", "token_id": "TokenIdSql"},
    "tenant_oidc_settings": {"tenant_id": "TenantIdSql"},
    "theme_responses": {"tenant_id": "TenantIdSql", "id": "ResponseIdSql", "theme_id": "ThemeIdSql"},
    "audit_events": {"tenant_id": "TenantIdSql"},
    "audit_global_events": {},
    "release_cells": {"tenant_id": "TenantIdSql", "release_id": "ReleaseIdSql", "theme_id": "ThemeIdSql"},
}

src, dst = sys.argv[1], sys.argv[2]
s = open(src).read()
blocks = re.split(r"(?=diesel::table! \{)", s)
out = []
for b in blocks:
    m = re.match(r"diesel::table! \{\n((?:    use [^\n]*\n)*)\n?    (\w+) \(", b)
    if not m:
        out.append(b)
        continue
    table = m.group(2)
    cols = IDS.get(table)
    if cols is None:
        sys.exit(f"table {table} has no id mapping: add it to scripts/map-schema-ids.py")
    uses = m.group(1)
    if "use diesel::sql_types::*;" not in uses:
        uses = "    use diesel::sql_types::*;\n" + uses
    uses += "    use crate::ids::sql::*;\n"
    b = b[: m.start(1)] + uses + "\n" + b[m.end(1):].lstrip("\n")
    for col, ty in cols.items():
        b2 = re.sub(r"(\n        %s -> )Nullable<Uuid>," % col, r"\1Nullable<%s>," % ty, b)
        b2 = re.sub(r"(\n        %s -> )Uuid," % col, r"\1%s," % ty, b2)
        if b2 == b:
            sys.exit(f"{table}.{col} is not a uuid column")
        b = b2
    if re.search(r"-> (Nullable<)?Uuid", b):
        sys.exit(f"{table} has an unmapped uuid column: add it to scripts/map-schema-ids.py")
    out.append(b)
open(dst, "w").write("".join(out))
