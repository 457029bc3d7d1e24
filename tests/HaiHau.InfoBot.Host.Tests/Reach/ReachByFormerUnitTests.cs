using System.Globalization;
using HaiHau.InfoBot.Host.Reach;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Reach;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Reach;

/// <summary>
/// A 2022 list written with the old units (Hải Châu, Thị trấn Thịnh Long, Hải Ninh: all xã Hải Thịnh today) is reported
/// by today's commune, and by the old units on request (issue 11).
/// </summary>
public sealed class ReachByFormerUnitTests : IDisposable
{
    private static readonly string[] Order = EngineHarness.Repo.Content.Communes.Select(c => c.Code).ToArray();
    private readonly StoreHarness store = new();

    [Fact]
    public async Task An_old_list_reads_as_one_commune_of_today_and_by_its_old_units_on_request()
    {
        using var gate = new SqliteWriteGate();
        var importer = new HouseholdImporter(store.Factory, gate, EngineHarness.Repo.Content, store.Time);
        var import = await importer.ImportAsync(
        [
            new HouseholdRow(2, "HC-01", "Xã Hải Châu", "Xóm 1", "nghèo", "Nguyễn Văn An", null),
            new HouseholdRow(3, "HC-02", "Hải Châu", "Xóm 2", "cận nghèo", "Trần Thị Bình", null),
            new HouseholdRow(4, "TL-01", "Thị trấn Thịnh Long", "Tổ 1", "nghèo", "Lê Văn Cường", null),
            new HouseholdRow(5, "TL-02", "Thịnh Long", "Tổ 2", "nghèo", "Phạm Thị Dung", null),
            new HouseholdRow(6, "HN-01", "Hải Ninh", "Xóm 3", "cận nghèo", "Vũ Văn Em", null),
        ], new ImportRequest(2022, "ds-2022.csv", null, false, new AuditEntry("t", "t", AuditActions.HouseholdsImported)), CancellationToken.None);
        Assert.True(import.Applied);
        Reached("HC-01", "2022-03-01");
        Reached("TL-01", "2022-04-01");
        Reached("TL-02", "2022-05-01");

        var today = await RunAsync(byFormerUnit: false);
        var old = await RunAsync(byFormerUnit: true);

        var haiThinh = today.Communes.Single(c => c.Commune == "hai-thinh");
        Assert.Equal((5, 3), (haiThinh.Households, haiThinh.Reached));
        Assert.DoesNotContain(today.Communes, c => c.Commune is "hai-chau" or "thinh-long" or "hai-ninh" && c.Households > 0);
        var byUnit = old.Communes.Where(c => c.Households > 0).ToDictionary(c => c.Commune, c => (c.Poor, c.NearPoor, c.Reached));
        Assert.Equal(new Dictionary<string, (int, int, int)> { ["hai-chau"] = (1, 1, 1), ["thinh-long"] = (2, 0, 2), ["hai-ninh"] = (0, 1, 0) }, byUnit);
        Assert.Equal((5, 3), (old.District.Households, old.District.Reached)); // the same households, lined up differently

        var csv = new ReachPresenter(EngineHarness.Repo.Content, EngineHarness.Repo.Questions).Csv(old);
        Assert.Contains("Thị trấn Thịnh Long,2,0,2,", csv, StringComparison.Ordinal); // the old unit's own name, not today's commune
        Assert.Contains("Xã Hải Châu,1,1,2,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_and_the_verb_pass_the_option_through()
    {
        var (query, _) = ReachApi.Parse("2022-01-01", "2022-12-31", null, null, byFormerUnit: true);

        Assert.True(query?.ByFormerUnit);
        Assert.False(ReachApi.Parse("2022-01-01", "2022-12-31", null, null).Query?.ByFormerUnit);
    }

    private Task<ReachResult> RunAsync(bool byFormerUnit) =>
        new ReachReport(store.Factory).RunAsync(new ReachQuery(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31), 2022, null, byFormerUnit), Order, CancellationToken.None);

    private void Reached(string householdCode, string day)
    {
        using var db = store.Factory.CreateDbContext();
        var household = db.Households.Single(h => h.Code == householdCode);
        var conversation = new ConversationRecord { Channel = "web", ChatId = householdCode, UserId = householdCode };
        db.Conversations.Add(conversation);
        db.SaveChanges();
        var date = DateOnly.Parse(day, CultureInfo.InvariantCulture);
        db.ReachLog.Add(new ReachRecord
        {
            At = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), ReachDay.Vietnam), Day = ReachDay.Of(date), Channel = "web", ConversationId = conversation.Id,
            Kind = ReachKinds.Article, Topic = "credit", CommuneCode = "hai-thinh", HouseholdId = household.Id, DeclaredCategory = "ngheo",
        });
        db.SaveChanges();
    }

    public void Dispose() => store.Dispose();
}
