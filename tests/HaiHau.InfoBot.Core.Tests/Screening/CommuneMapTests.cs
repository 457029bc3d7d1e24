using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Screening;

/// <summary>
/// The dated map of content/communes.yaml against policy-currency-2026.md Q4: 34 units in 2022, 24 from 1/9/2024,
/// the 8 xã of Ninh Bình from 1/7/2025; every old name resolves to today's commune, or (ten 2022 xã) asks.
/// </summary>
public sealed class CommuneMapTests
{
    private static readonly ContentCatalog Content = EngineHarness.Repo.Content;

    // Q4 [C]: today's commune ← the 24 units of 2024 (also units of 2022).
    public static TheoryData<string, string> MergedIn2025 => new()
    {
        { "Thị trấn Yên Định", "hai-hau" }, { "Xã Hải Trung", "hai-hau" }, { "Xã Hải Long", "hai-hau" },
        { "Xã Hải Minh", "hai-anh" }, { "Xã Hải Đường", "hai-anh" }, { "Xã Hải Anh", "hai-anh" },
        { "Thị trấn Cồn", "hai-tien" }, { "Xã Hải Sơn", "hai-tien" }, { "Xã Hải Tân", "hai-tien" },
        { "Xã Hải Nam", "hai-hung" }, { "Xã Hải Lộc", "hai-hung" }, { "Xã Hải Hưng", "hai-hung" },
        { "Xã Hải Phong", "hai-an" }, { "Xã Hải Giang", "hai-an" }, { "Xã Hải An", "hai-an" },
        { "Xã Hải Đông", "hai-quang" }, { "Xã Hải Tây", "hai-quang" }, { "Xã Hải Quang", "hai-quang" },
        { "Xã Hải Phú", "hai-xuan" }, { "Xã Hải Hòa", "hai-xuan" }, { "Xã Hải Xuân", "hai-xuan" },
        { "Thị trấn Thịnh Long", "hai-thinh" }, { "Xã Hải Châu", "hai-thinh" }, { "Xã Hải Ninh", "hai-thinh" },
    };

    // Q4 [U]: the ten 2022 xã merged in 2024, destination unknown.
    public static TheoryData<string> GoneIn2024 => new(
        "Xã Hải Bắc", "Xã Hải Chính", "Xã Hải Cường", "Xã Hải Hà", "Xã Hải Lý", "Xã Hải Phúc", "Xã Hải Phương", "Xã Hải Thanh", "Xã Hải Triều", "Xã Hải Vân");

    [Theory]
    [InlineData("2022-01-01", 34)]
    [InlineData("2024-08-31", 34)]
    [InlineData("2024-09-01", 24)]
    [InlineData("2025-06-30", 24)]
    [InlineData("2025-07-01", 8)]
    [InlineData("2026-12-02", 8)]
    public void Has_the_units_of_each_period(string day, int count)
    {
        Assert.Equal(count, CommuneMap.UnitsOn(Content, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).Count);
    }

    [Fact]
    public void Today_there_are_eight_xa_of_ninh_binh_each_with_its_ubnd_xa_office_and_no_invented_contact()
    {
        Assert.Equal(["Hải Hậu", "Hải Anh", "Hải Tiến", "Hải Hưng", "Hải An", "Hải Quang", "Hải Xuân", "Hải Thịnh"], Content.Communes.Select(c => c.ShortName));
        Assert.All(Content.Communes, c =>
        {
            Assert.False(c.IsTown);
            Assert.Equal(AreaKind.Rural, c.Area);
            Assert.Equal($"UBND xã {c.ShortName} (Phòng Văn hóa – Xã hội)", c.OfficeName);
            Assert.Null(c.Phone);
            Assert.Null(c.Address);
        });
        Assert.DoesNotContain("huyện", Content.District.OfficeName, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(MergedIn2025))]
    public void Every_unit_of_2024_resolves_to_todays_commune_by_any_spelling(string name, string today)
    {
        var shortName = name.Replace("Thị trấn ", string.Empty, StringComparison.Ordinal).Replace("Xã ", string.Empty, StringComparison.Ordinal);
        foreach (var spelling in new[] { name, shortName, Core.Text.VietnameseText.Fold(name), "xa " + Core.Text.VietnameseText.Fold(shortName) })
        {
            var found = Content.ResolveCommune(spelling);
            Assert.True(found?.Current?.Code == today, $"«{spelling}» → {found?.Current?.Code ?? "nothing"}, expected {today}");
        }

        var unit = Content.ResolveCommune(name)!;
        if (unit.Named.ShortName == unit.Current!.ShortName)
        {
            Assert.Null(unit.Note); // "Xã Hải Anh nay thuộc xã Hải Anh" would be nonsense
        }
        else
        {
            Assert.Equal($"{name} nay thuộc {unit.Current.NameInSentence}.", unit.Note);
        }
    }

    [Theory]
    [MemberData(nameof(GoneIn2024))]
    public void Every_xa_gone_in_2024_is_known_but_never_placed_in_a_commune(string name)
    {
        var found = Content.ResolveCommune(Core.Text.VietnameseText.Fold(name));

        Assert.NotNull(found);
        Assert.Equal(name, found.Named.Name);
        Assert.True(found.NeedsChoice);
        Assert.Null(Content.FindCommune(name));
        Assert.Equal(new DateOnly(2024, 8, 31), found.Named.ValidTo);
    }

    [Fact]
    public void The_note_is_kind_and_short()
    {
        Assert.Equal("Xã Hải Châu nay thuộc xã Hải Thịnh.", Content.ResolveCommune("hai chau")!.Note);
        Assert.Equal("Thị trấn Yên Định nay thuộc xã Hải Hậu.", Content.ResolveCommune("TT Yên Định")!.Note);
    }

    [Theory]
    // the three towns used the urban line until 30/6/2025; from 1/7/2025 every commune is a xã (rural)
    [InlineData("TT Yên Định", "2025-06-30", AreaKind.Urban, false)]
    [InlineData("TT Yên Định", "2025-07-01", AreaKind.Rural, true)]
    [InlineData("Thịnh Long", "2025-06-30", AreaKind.Urban, false)]
    [InlineData("Thịnh Long", "2025-07-01", AreaKind.Rural, true)]
    [InlineData("Hải Châu", "2025-06-30", AreaKind.Rural, false)]
    [InlineData("Hải Châu", "2025-07-01", AreaKind.Rural, false)]
    [InlineData("xã Hải Thịnh", "2026-12-02", AreaKind.Rural, false)]
    public void Urban_or_rural_follows_the_map_of_the_day(string name, string day, AreaKind area, bool formerTown)
    {
        var unit = Content.ResolveCommune(name)!.Named;

        Assert.Equal((area, formerTown), CommuneMap.AreaOn(Content, unit, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
