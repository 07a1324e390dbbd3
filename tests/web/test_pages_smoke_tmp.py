def test_smoke(coordinator_page, area):
    p = coordinator_page.get("/")
    print(p.text)
    p = coordinator_page.get(f"/children/{area.child.pk}/")
    print(p.text)
