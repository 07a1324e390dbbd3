import datetime as dt
import pytest
from goldenthread.web.plans.demo.builder import area_seed
from goldenthread.web.accounts.models import Organisation
from goldenthread.web.returns.demo import demo_return_details_fill
from goldenthread.web.returns.services import sen2_make, annex_make

@pytest.mark.django_db
def test_smoke():
    area_seed(children=40, seed=3, today=dt.date(2026, 11, 2))
    la = Organisation.objects.get(kind="local_authority", is_synthetic=True)
    demo_return_details_fill(la)
    made = sen2_make(la, 2027)
    for f in made.findings[:40]:
        print(f.describe())
    print(len(made.sen2.people), len(made.findings))
    for r in made.headlines.rows():
        print(r)
    print(made.xml[:2500].decode())
    a = annex_make(la, dt.date(2026, 11, 2))
    print({k: len(v) for k, v in a.lists.items()})
    for f in a.all_findings[:30]:
        print(f.describe())
    assert 0
